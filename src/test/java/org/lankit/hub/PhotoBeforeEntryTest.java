package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldType;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.sync.Hlc;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.PushResult;
import org.lankit.sync.PushStatus;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * An entry reaches the master only with its photos: one whose image answer (at the top or in a
 * repeat's row) names a photo the master does not hold whole is refused on its own with
 * {@code attachment_missing} and the question's label, and taken once the photo is in.
 */
class PhotoBeforeEntryTest {

    static final String HOUSE_PHOTO = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.jpg";
    static final String MEMBER_PHOTO = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.png";

    @TempDir
    Path dataDir;
    private RunningMaster master;
    private PairedDevice phone;

    @BeforeEach
    void start() throws Exception {
        master = RunningMaster.start(dataDir);
        master.store().forms().save(photoForm());
        phone = master.pair("Phone");
    }

    @AfterEach
    void stop() {
        master.close();
    }

    /** A form with a photo of the house and, per member, a photo of the member (inside a group of the repeat). */
    static Form photoForm() {
        FormField memberPhoto = FormField.of("member_photo", "Member's photo", FieldType.IMAGE, false);
        FormField memberName = FormField.of("member_name", "Member's name", FieldType.TEXT, false);
        FormField looks = new FormField("looks", "Looks", FieldType.GROUP, false, null, null, null, null, null, null, null,
                null, null, null, null, null, null, List.of(memberPhoto), null);
        FormField members = new FormField("members", "Members", FieldType.REPEAT, false, null, null, null, null, null, null, null,
                null, null, null, null, null, null, List.of(memberName, looks), null);
        return new Form("photos", 1, "Photo survey", List.of(
                FormField.of("village", "Village", FieldType.TEXT, false),
                FormField.of("house_photo", "Photo of the house", FieldType.IMAGE, false),
                members));
    }

    static Entry entry(PairedDevice device, String housePhoto, String memberPhoto) {
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        Hlc a = device.clock().now();
        fields.put("village", FieldValue.edit(TextNode.valueOf("Kisumu"), a, ""));
        if (housePhoto != null) fields.put("house_photo", FieldValue.edit(TextNode.valueOf(housePhoto), device.clock().now(), ""));
        if (memberPhoto != null) {
            ArrayNode rows = Json.MAPPER.createArrayNode();
            rows.addObject().put("member_name", "Ann").put("member_photo", memberPhoto);
            fields.put("members", FieldValue.edit(rows, device.clock().now(), ""));
        }
        return new Entry(UUID.randomUUID().toString(), "photos", 1, fields, null, a.wallMs(), device.deviceId(), 0, null, null);
    }

    @Test
    void an_entry_whose_photo_has_not_arrived_is_refused_on_its_own_and_taken_once_the_photo_is_in() throws Exception {
        Entry withPhoto = entry(phone, HOUSE_PHOTO, null);
        Entry plain = entry(phone, null, null);
        List<PushResult> results = phone.client().push(List.of(withPhoto, plain)).results();

        assertThat(results.get(0).status()).isEqualTo(PushStatus.REJECTED);
        assertThat(results.get(0).error()).isEqualTo("attachment_missing");
        assertThat(results.get(0).detail()).startsWith("Photo of the house: ").contains(HOUSE_PHOTO);
        assertThat(results.get(1).status()).isEqualTo(PushStatus.APPLIED);
        assertThat(master.store().find(withPhoto.uuid())).isEmpty();

        master.store().attachments().append(HOUSE_PHOTO, phone.deviceId(), 0, 3, new ByteArrayInputStream(new byte[] {1, 2, 3}));
        assertThat(phone.client().push(List.of(withPhoto)).results().get(0).status()).isEqualTo(PushStatus.APPLIED);
        assertThat(master.store().find(withPhoto.uuid())).isPresent();
    }

    @Test
    void a_photo_in_a_repeat_row_counts_and_half_a_photo_is_no_photo() throws Exception {
        master.store().attachments().append(MEMBER_PHOTO, phone.deviceId(), 0, 10, new ByteArrayInputStream(new byte[5]));
        Entry member = entry(phone, null, MEMBER_PHOTO);
        PushResult refused = phone.client().push(List.of(member)).results().get(0);
        assertThat(refused.error()).isEqualTo("attachment_missing");
        assertThat(refused.detail()).startsWith("Member's photo: ");

        master.store().attachments().append(MEMBER_PHOTO, phone.deviceId(), 5, 10, new ByteArrayInputStream(new byte[5]));
        assertThat(phone.client().push(List.of(member)).results().get(0).status()).isEqualTo(PushStatus.APPLIED);
    }

    @Test
    void an_edit_that_only_echoes_a_photo_the_master_took_before_is_not_held_up() throws Exception {
        master.store().attachments().append(HOUSE_PHOTO, phone.deviceId(), 0, 3, new ByteArrayInputStream(new byte[] {1, 2, 3}));
        Entry first = entry(phone, HOUSE_PHOTO, null);
        assertThat(phone.client().push(List.of(first)).results().get(0).status()).isEqualTo(PushStatus.APPLIED);
        // the entry came back from a backup made before photos were kept: its photo is gone here
        Files.delete(master.store().attachments().file(HOUSE_PHOTO).orElseThrow());

        Map<String, FieldValue> edited = new LinkedHashMap<>(first.fields());
        edited.put("house_photo", first.fields().get("house_photo").withoutBase());
        edited.put("village", FieldValue.edit(TextNode.valueOf("Kisii"), phone.clock().now(), first.fields().get("village").hlc()));
        Entry echo = first.withFields(edited, null);
        assertThat(phone.client().push(List.of(echo)).results().get(0).status()).isEqualTo(PushStatus.APPLIED);

        Map<String, FieldValue> newPhoto = new LinkedHashMap<>(edited);
        newPhoto.put("house_photo", FieldValue.edit(TextNode.valueOf(MEMBER_PHOTO.replace(".png", ".jpg")), phone.clock().now(),
                first.fields().get("house_photo").hlc()));
        assertThat(phone.client().push(List.of(first.withFields(newPhoto, null))).results().get(0).error())
                .as("a photo the edit changes must be here").isEqualTo("attachment_missing");
    }
}
