package org.lankit.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a phone or laptop may drop its copy of an entry: only when nothing of its own is in it. */
class DeviceRetentionTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final long DAY = DeviceRetention.DAY_MS;

    @Test
    void a_settled_copy_nobody_changed_for_longer_than_the_days_may_go() {
        assertThat(DeviceRetention.mayDrop(copy(NOW - 3 * DAY), false, NOW, 2)).isTrue();
    }

    @Test
    void a_copy_changed_within_the_days_stays_and_the_newest_clock_counts() {
        assertThat(DeviceRetention.mayDrop(copy(NOW - DAY / 2), false, NOW, 1)).isFalse();
        Entry oldThenEdited = copy(NOW - 5 * DAY).withFields(Map.of(
                "respondent", stored("Grace", NOW - 5 * DAY),
                "village", stored("Busia", NOW - DAY + 1000)), null);
        assertThat(DeviceRetention.mayDrop(oldThenEdited, false, NOW, 1)).isFalse();
        Entry deletedYesterday = copy(NOW - 5 * DAY).withFields(copy(NOW - 5 * DAY).fields(),
                new FieldValue(BooleanNode.TRUE, hlc(NOW - DAY / 2), "m1", null));
        assertThat(DeviceRetention.mayDrop(deletedYesterday, false, NOW, 1)).isFalse();
    }

    @Test
    void a_copy_the_store_holds_back_as_waiting_or_refused_stays() {
        assertThat(DeviceRetention.mayDrop(copy(NOW - 30 * DAY), true, NOW, 1)).isFalse();
    }

    @Test
    void a_copy_holding_an_unacknowledged_edit_stays_even_when_the_store_forgot_to_say_so() {
        Entry edited = copy(NOW - 30 * DAY).withFields(Map.of("respondent",
                FieldValue.edit(TextNode.valueOf("Grace"), Hlc.parse(hlc(NOW - 30 * DAY)), "")), null);
        assertThat(DeviceRetention.mayDrop(edited, false, NOW, 1)).isFalse();
    }

    @Test
    void a_copy_with_an_open_conflict_stays() {
        Entry c = copy(NOW - 30 * DAY);
        Entry disputed = new Entry(c.uuid(), c.formId(), c.formVersion(), c.fields(), null, c.createdAt(), c.createdBy(), 7,
                List.of(new Conflict("respondent", TextNode.valueOf("Grace B"), hlc(NOW - 30 * DAY), "m1")), null);
        assertThat(DeviceRetention.mayDrop(disputed, false, NOW, 1)).isFalse();
    }

    @Test
    void without_a_clock_or_with_retention_off_nothing_goes() {
        Entry empty = copy(NOW - 30 * DAY).withFields(Map.of(), null);
        assertThat(DeviceRetention.mayDrop(empty, false, NOW, 1)).isFalse();
        assertThat(DeviceRetention.mayDrop(copy(NOW - 30 * DAY), false, NOW, 0)).isFalse();
    }

    private static Entry copy(long changedAt) {
        return new Entry("u1", DefaultForm.ID, 1, Map.of("respondent", stored("Grace", changedAt)), null,
                changedAt, "m1", 7, null, null);
    }

    private static FieldValue stored(String value, long wall) {
        return FieldValue.stored(TextNode.valueOf(value), Hlc.parse(hlc(wall)));
    }

    private static String hlc(long wall) {
        return new Hlc(wall, 0, "m1").encode();
    }
}
