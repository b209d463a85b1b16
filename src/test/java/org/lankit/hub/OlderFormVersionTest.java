package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldType;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.sync.LocalEdits;
import org.lankit.sync.PushStatus;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * A coordinator imports a new version of a form that drops a question. Households visited on the
 * old version keep that answer: a phone that edits one on the new version is not refused for it,
 * and the answer stays; an answer to the dropped question is still checked for its type.
 */
class OlderFormVersionTest {

    @TempDir
    Path dataDir;

    private static Form version(int v, FormField... fields) {
        return new Form("water_point", v, "Water point", List.of(fields));
    }

    @Test
    void an_entry_from_the_old_version_edited_on_the_new_one_keeps_the_dropped_answer() throws Exception {
        FormField name = FormField.of("point_name", "Water point", FieldType.TEXT, true);
        FormField users = FormField.of("users", "Users", FieldType.INTEGER, false);
        FormField depth = FormField.of("depth", "Depth", FieldType.DECIMAL, false);
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            master.store().forms().save(version(1, name, users));
            PairedDevice phone = master.pair("Ann's phone");
            Entry typed = LocalEdits.create(UUID.randomUUID().toString(), version(1, name, users),
                    Map.of("point_name", TextNode.valueOf("Borehole 7"), "users", IntNode.valueOf(120)), phone.clock());
            assertThat(phone.client().push(List.of(typed)).results().get(0).status()).isEqualTo(PushStatus.APPLIED);

            master.store().forms().save(version(2, name, depth));
            Entry pulled = phone.client().pull(0, 10).entries().get(0);
            Entry edited = LocalEdits.edit(pulled, "depth", IntNode.valueOf(30), phone.clock());
            Entry onNewVersion = new Entry(edited.uuid(), "water_point", 2, edited.fields(), edited.deleted(),
                    edited.createdAt(), edited.createdBy(), 0, null, null);
            assertThat(phone.client().push(List.of(onNewVersion)).results().get(0).status()).isEqualTo(PushStatus.APPLIED);

            Entry stored = master.store().find(typed.uuid()).orElseThrow().entry();
            assertThat(stored.formVersion()).isEqualTo(2);
            assertThat(stored.fields().get("users").value().asInt()).isEqualTo(120);
            assertThat(stored.fields().get("depth").value().asInt()).isEqualTo(30);

            Entry wrongType = new Entry(UUID.randomUUID().toString(), "water_point", 2,
                    LocalEdits.create("x", version(2, name, depth, FormField.of("users", "Users", FieldType.TEXT, false)),
                            Map.of("point_name", TextNode.valueOf("Well 2"), "users", TextNode.valueOf("many")), phone.clock()).fields(),
                    null, typed.createdAt(), phone.deviceId(), 0, null, null);
            var refused = phone.client().push(List.of(wrongType)).results().get(0);
            assertThat(refused.status()).isEqualTo(PushStatus.REJECTED);
            assertThat(refused.error()).isEqualTo("Users must be a whole number");
        }
    }
}
