package org.lankit.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The conflict rules of protocol.md ("Merge rules"), one story each. */
class EntryMergerTest {

    private final AtomicLong wall = new AtomicLong(1_764_063_000_000L);
    private final HlcClock master = new HlcClock("master", wall::get);
    private final HlcClock alice = new HlcClock("alice", wall::get);
    private final HlcClock bob = new HlcClock("bob", wall::get);
    private final EntryMerger merger = new EntryMerger("master");

    @Test
    void concurrent_edits_of_different_fields_merge() {
        Entry stored = created();
        Entry byAlice = edit(stored, alice, "village", "Kisumu");
        Entry byBob = edit(stored, bob, "notes", "dog at the gate");

        MergeOutcome first = merger.merge(stored, byAlice, "alice");
        MergeOutcome second = merger.merge(first.entry(), byBob, "bob");

        assertThat(first.status()).isEqualTo(PushStatus.APPLIED);
        assertThat(second.status()).isEqualTo(PushStatus.MERGED);
        assertThat(text(second.entry(), "village")).isEqualTo("Kisumu");
        assertThat(text(second.entry(), "notes")).isEqualTo("dog at the gate");
        assertThat(second.entry().conflicts()).isEmpty();
    }

    @Test
    void same_field_edited_by_two_clients_later_clock_wins_and_the_other_value_waits_as_a_conflict() {
        Entry stored = created();
        Entry byAlice = edit(stored, alice, "village", "Kisumu");
        tick();
        Entry byBob = edit(stored, bob, "village", "Kakamega");

        // the later edit arrives first, the earlier one second: the later still wins
        Entry afterBob = merger.merge(stored, byBob, "bob").entry();
        MergeOutcome afterAlice = merger.merge(afterBob, byAlice, "alice");

        assertThat(afterAlice.status()).isEqualTo(PushStatus.CONFLICT);
        assertThat(text(afterAlice.entry(), "village")).isEqualTo("Kakamega");
        assertThat(afterAlice.entry().conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("village");
            assertThat(c.value().asText()).isEqualTo("Kisumu");
            assertThat(c.by()).isEqualTo("alice");
        });
    }

    @Test
    void the_masters_edit_wins_over_a_clients_even_with_an_older_clock() {
        Entry stored = created();
        Entry byMaster = edit(stored, master, "respondent", "Grace (checked)");
        tick();
        Entry byAlice = edit(stored, alice, "respondent", "Grace A.");

        Entry afterMaster = merger.merge(stored, byMaster, "master").entry();
        MergeOutcome afterAlice = merger.merge(afterMaster, byAlice, "alice");

        assertThat(afterAlice.status()).isEqualTo(PushStatus.CONFLICT);
        assertThat(text(afterAlice.entry(), "respondent")).isEqualTo("Grace (checked)");
        assertThat(afterAlice.entry().conflicts()).extracting(Conflict::by).containsExactly("alice");
    }

    @Test
    void an_edit_concurrent_with_a_delete_is_a_conflict_for_review() {
        Entry stored = created();
        Entry deletedByAlice = delete(stored, alice);
        Entry editedByBob = edit(stored, bob, "notes", "came back later");

        Entry afterDelete = merger.merge(stored, deletedByAlice, "alice").entry();
        MergeOutcome afterEdit = merger.merge(afterDelete, editedByBob, "bob");

        assertThat(afterEdit.status()).isEqualTo(PushStatus.CONFLICT);
        assertThat(afterEdit.entry().isDeleted()).isTrue();
        assertThat(text(afterEdit.entry(), "notes")).isEqualTo("came back later");
        assertThat(afterEdit.entry().conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo(Entry.DELETED_FIELD);
            assertThat(c.by()).isEqualTo("bob");
        });
    }

    @Test
    void a_delete_arriving_after_an_edit_it_did_not_see_is_also_a_conflict() {
        Entry stored = created();
        Entry editedByBob = edit(stored, bob, "notes", "came back later");
        Entry deletedByAlice = delete(stored, alice);

        Entry afterEdit = merger.merge(stored, editedByBob, "bob").entry();
        MergeOutcome afterDelete = merger.merge(afterEdit, deletedByAlice, "alice");

        assertThat(afterDelete.status()).isEqualTo(PushStatus.CONFLICT);
        assertThat(afterDelete.entry().isDeleted()).isTrue();
        assertThat(afterDelete.entry().conflicts()).extracting(Conflict::field).containsExactly(Entry.DELETED_FIELD);
    }

    @Test
    void resolving_a_conflict_is_a_new_master_edit_that_closes_it_and_a_replay_cannot_reopen_it() {
        Entry stored = created();
        Entry byAlice = edit(stored, alice, "village", "Kisumu");
        tick();
        Entry byBob = edit(stored, bob, "village", "Kakamega");
        Entry withConflict = merger.merge(merger.merge(stored, byBob, "bob").entry(), byAlice, "alice").entry();

        Entry resolved = merger.resolve(withConflict, "village", TextNode.valueOf("Kisumu"), master.now());

        assertThat(resolved.conflicts()).isEmpty();
        assertThat(text(resolved, "village")).isEqualTo("Kisumu");
        assertThat(resolved.fields().get("village").by()).isEqualTo("master");
        assertThat(resolved.fields().get("village").hlc()).isGreaterThan(byBob.fields().get("village").hlc());
        MergeOutcome replay = merger.merge(resolved, byAlice, "alice");
        assertThat(replay.status()).isEqualTo(PushStatus.DUPLICATE);
        assertThat(merger.merge(resolved, byBob, "bob").status()).isEqualTo(PushStatus.DUPLICATE);
    }

    @Test
    void the_same_push_twice_changes_nothing_the_second_time() {
        Entry fresh = created();
        MergeOutcome first = merger.merge(null, fresh, "alice");
        MergeOutcome again = merger.merge(first.entry(), fresh, "alice");
        assertThat(first.status()).isEqualTo(PushStatus.APPLIED);
        assertThat(again.status()).isEqualTo(PushStatus.DUPLICATE);
        assertThat(again.entry()).isEqualTo(first.entry());
    }

    @Test
    void a_stale_copy_of_a_field_without_base_is_ignored_not_a_conflict() {
        Entry stored = created();
        Entry newer = merger.merge(stored, edit(stored, bob, "village", "Kakamega"), "bob").entry();
        // alice pushes her whole entry again: she never touched village, her copy is old
        Entry echo = new Entry(stored.uuid(), stored.formId(), 1, strip(stored.fields()), null,
                stored.createdAt(), stored.createdBy(), 0, null, null);
        MergeOutcome outcome = merger.merge(newer, echo, "alice");
        assertThat(outcome.status()).isEqualTo(PushStatus.DUPLICATE);
        assertThat(text(outcome.entry(), "village")).isEqualTo("Kakamega");
    }

    @Test
    void a_device_cannot_write_a_value_in_another_devices_name() {
        Entry stored = created();
        Entry forged = edit(stored, master, "respondent", "forged");
        MergeOutcome outcome = merger.merge(stored, forged, "alice");
        assertThat(outcome.status()).isEqualTo(PushStatus.REJECTED);
        assertThat(outcome.error()).contains("only write values as itself");
    }

    @Test
    void an_edit_whose_base_is_the_stored_clock_is_stored_even_when_its_own_clock_is_behind() {
        Entry stored = merger.merge(null, created(), "alice").entry();
        // alice's phone re-stamped its edit from the master's time, behind its own earlier value
        HlcClock behind = new HlcClock("alice", () -> wall.get() - 60_000);
        Entry edit = edit(stored, behind, "village", "Kisumu");

        MergeOutcome outcome = merger.merge(stored, edit, "alice");

        assertThat(outcome.status()).isEqualTo(PushStatus.APPLIED);
        assertThat(text(outcome.entry(), "village")).isEqualTo("Kisumu");
        assertThat(merger.merge(outcome.entry(), stored.forPush(), "alice").status())
                .as("a late copy of the replaced value").isEqualTo(PushStatus.DUPLICATE);
    }

    @Test
    void a_device_cannot_create_an_entry_in_another_devices_name() {
        Entry bobsValues = edit(created(), bob, "respondent", "Grace");
        Map<String, FieldValue> fields = Map.of("respondent", bobsValues.fields().get("respondent"));
        Entry forged = new Entry("e-0002-bbbb", DefaultForm.ID, 1, fields, null, wall.get(), "alice", 0, null, null);

        MergeOutcome outcome = merger.merge(null, forged, "bob");

        assertThat(outcome.status()).isEqualTo(PushStatus.REJECTED);
        assertThat(outcome.error()).isEqualTo("createdBy: a device may only create entries as itself");
    }

    @Test
    void one_device_keeps_one_open_conflict_per_field_its_latest_value() {
        Entry stored = merger.merge(null, created(), "alice").entry();
        tick();
        stored = merger.merge(stored, edit(stored, alice, "village", "Kakamega"), "alice").entry();
        HlcClock oldBob = new HlcClock("bob", () -> wall.get() - 86_400_000L);
        for (int i = 0; i < 50; i++) {
            Entry copy = edit(stored, oldBob, "village", "Nowhere " + (i % 3));
            copy = copy.withFields(Map.of("village", new FieldValue(copy.fields().get("village").value(),
                    copy.fields().get("village").hlc(), "bob", "")), null);
            stored = merger.merge(stored, copy, "bob").entry();
        }
        Entry byCarol = edit(created(), new HlcClock("carol", () -> wall.get() - 1_000), "village", "Bungoma");
        byCarol = byCarol.withFields(Map.of("village", new FieldValue(byCarol.fields().get("village").value(),
                byCarol.fields().get("village").hlc(), "carol", "")), null);
        stored = merger.merge(stored, byCarol, "carol").entry();

        assertThat(text(stored, "village")).isEqualTo("Kakamega");
        assertThat(stored.conflicts()).extracting(c -> c.by() + ":" + c.value().asText())
                .containsExactlyInAnyOrder("bob:Nowhere 1", "carol:Bungoma");
    }

    @Test
    void an_entry_that_would_grow_past_its_size_limit_is_refused_and_the_stored_one_stays() throws Exception {
        Entry stored = merger.merge(null, created(), "alice").entry();
        String longNote = "n".repeat(EntryValidator.MAX_TEXTAREA);
        MergeOutcome last = null;
        for (int d = 0; d < 40 && (last == null || last.status() != PushStatus.REJECTED); d++) {
            HlcClock device = new HlcClock("device" + d, () -> wall.get() - 60_000);
            Map<String, FieldValue> fields = new TreeMap<>(strip(stored.fields()));
            fields.put("notes", FieldValue.edit(TextNode.valueOf(longNote + d), device.now(), ""));
            last = merger.merge(stored, stored.forPush().withFields(fields, null), "device" + d);
            if (last.status() != PushStatus.REJECTED) stored = last.entry();
        }

        assertThat(last.status()).isEqualTo(PushStatus.REJECTED);
        assertThat(last.refusal()).isEqualTo(PushRefusal.ENTRY_TOO_LARGE);
        assertThat(last.error()).contains("more than 256 KB");
        assertThat(Json.MAPPER.writeValueAsBytes(stored).length).isLessThanOrEqualTo(EntryMerger.MAX_ENTRY_BYTES);
    }

    private Entry created() {
        Hlc h = alice.now();
        Map<String, FieldValue> fields = Map.of(
                "respondent", FieldValue.stored(TextNode.valueOf("Grace"), h),
                "village", FieldValue.stored(TextNode.valueOf("Busia"), h));
        tick();
        return new Entry("e-0001-aaaa", DefaultForm.ID, 1, fields, null, h.wallMs(), "alice", 0, null, null);
    }

    private Entry edit(Entry seen, HlcClock clock, String field, String value) {
        Map<String, FieldValue> fields = new TreeMap<>(strip(seen.fields()));
        FieldValue before = seen.fields().get(field);
        fields.put(field, FieldValue.edit(TextNode.valueOf(value), clock.now(), before == null ? "" : before.hlc()));
        return seen.forPush().withFields(fields, seen.deleted());
    }

    private Entry delete(Entry seen, HlcClock clock) {
        String base = seen.deleted() == null ? "" : seen.deleted().hlc();
        return seen.forPush().withFields(strip(seen.fields()), FieldValue.edit(BooleanNode.TRUE, clock.now(), base));
    }

    private static Map<String, FieldValue> strip(Map<String, FieldValue> fields) {
        Map<String, FieldValue> out = new TreeMap<>();
        fields.forEach((k, v) -> out.put(k, v.withoutBase()));
        return out;
    }

    private static String text(Entry e, String field) {
        JsonNode v = e.fields().get(field).value();
        return v.asText();
    }

    private void tick() {
        wall.addAndGet(10);
    }
}
