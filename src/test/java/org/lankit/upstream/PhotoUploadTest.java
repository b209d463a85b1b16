package org.lankit.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.upstream.UploadTesting.KIT;
import static org.lankit.upstream.UploadTesting.await;
import static org.lankit.upstream.UploadTesting.fast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.Attachments;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldType;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.sync.Json;
import org.lankit.testkit.CouchDatabase;
import org.lankit.testkit.CouchServer;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.OpenRosaServer;

/**
 * An entry with two photos (one of the house, one of a member in a repeat's row) goes to each kind
 * of team server with its photos, byte for byte, through the real uploader: OpenRosa as media
 * parts the test server holds to the spec, CouchDB as the document's attachments (on every
 * revision), the JSON API as a PUT of each photo ahead of the batch.
 */
class PhotoUploadTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final String HOUSE = "0123456789abcdef0123456789abcdef.jpg";
    private static final String MEMBER = "fedcba9876543210fedcba9876543210.png";

    @TempDir
    Path dataDir;

    @Test
    void an_openrosa_server_gets_each_photo_as_a_part_named_by_its_file_name() throws Exception {
        try (OpenRosaServer server = OpenRosaServer.start("/v1/key/central-token/projects/1").publish("photos", "1");
             KitStore store = KitStore.open(dataDir)) {
            Entry entry = photographed(store);
            try (Uploads uploads = start(store, new TargetSettings(TargetSettings.MAIN, TargetKind.OPENROSA,
                    new ApiTarget(URI.create(server.url()), ""), Map.of()))) {
                await("uploaded", LIMIT, () -> uploads.status().synced() == 1);
            }
            assertThat(server.violations()).as("requests that broke the OpenRosa spec").isEmpty();
            OpenRosaServer.Stored stored = server.instance(XFormInstance.instanceIdOf(entry.uuid(), entry.seq()));
            assertThat(stored.fields()).containsEntry("house_photo", HOUSE);
            assertThat(stored.rows().get("members")).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("member_name", "Ann").containsEntry("member_photo", MEMBER));
            Map<String, byte[]> media = server.media(stored.instanceId());
            assertThat(media).containsOnlyKeys(HOUSE, MEMBER);
            assertThat(media.get(HOUSE)).isEqualTo(bytes(HOUSE));
            assertThat(media.get(MEMBER)).isEqualTo(bytes(MEMBER));
        }
    }

    @Test
    void a_couchdb_document_holds_the_photos_as_attachments_in_every_revision() throws Exception {
        try (CouchServer couch = CouchServer.start(); KitStore store = KitStore.open(dataDir)) {
            CouchDatabase db = couch.database("photos").create();
            Entry entry = photographed(store);
            try (Uploads uploads = start(store, new TargetSettings(TargetSettings.MAIN, TargetKind.COUCHDB,
                    new ApiTarget(URI.create(db.url()), ""), Map.of()))) {
                await("uploaded", LIMIT, () -> uploads.status().synced() == 1);
                assertHolds(db, entry.uuid());
                JsonNode first = db.doc(entry.uuid()).orElseThrow();
                assertThat(first.path("lankit").path("photos")).extracting(JsonNode::asText).containsExactly(HOUSE, MEMBER);
                assertThat(first.path("_attachments").path(HOUSE).path("content_type").asText()).isEqualTo("image/jpeg");

                Map<String, FieldValue> edited = new LinkedHashMap<>(entry.fields());
                edited.put("village", FieldValue.stored(TextNode.valueOf("Kisii"), UploadTesting.PHONE.now()));
                store.write(w -> w.commitMasterChange(entry.withFields(edited, null), "phone1"));
                await("the edit uploaded", LIMIT, () -> uploads.status().synced() == 1 && revisions(db, entry.uuid()) == 2);
            }
            assertThat(db.revisions(entry.uuid())).hasSize(2);
            assertHolds(db, entry.uuid());
        }
    }

    @Test
    void the_json_api_gets_each_photo_put_before_the_batch_that_lists_it_and_a_try_again_changes_nothing() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start().requireToken("team-token"); KitStore store = KitStore.open(dataDir)) {
            Entry entry = photographed(store);
            api.failNext(1, 503);
            try (Uploads uploads = start(store, UploadTesting.json(api.url(), "team-token"))) {
                await("uploaded", LIMIT, () -> uploads.status().synced() == 1);
            }
            assertThat(api.photo(HOUSE)).isEqualTo(bytes(HOUSE));
            assertThat(api.photo(MEMBER)).isEqualTo(bytes(MEMBER));
            assertThat(api.photoPuts(HOUSE)).as("sent again with the batch's second try").isEqualTo(2);
            assertThat(api.timesStored(entry.uuid(), entry.seq())).isEqualTo(1);
            assertThat(api.requests()).hasSize(2).allSatisfy(r -> assertThat(r.status()).isIn(503, 200));
        }
    }

    @Test
    void photos_count_with_their_entries_so_a_batch_of_photographed_entries_stays_within_its_bytes() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir)) {
            store.forms().save(form());
            for (int i = 0; i < 10; i++) {
                String name = String.format("%032x.jpg", i);
                put(store, name, 300_000);
                commit(store, entry(name, null));
            }
            try (Uploads uploads = start(store, UploadTesting.json(api.url(), null))) {
                await("uploaded", LIMIT, () -> uploads.status().synced() == 10);
            }
            // 1 MB a batch: three entries and their 300 KB photos fit, a fourth does not
            assertThat(api.requests()).extracting(r -> r.uuids().size()).containsExactly(3, 3, 3, 1);
        }
    }

    @Test
    void a_batch_naming_a_photo_the_api_did_not_take_is_refused_as_the_api_says() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir)) {
            store.forms().save(form());
            put(store, HOUSE);
            Entry entry = commit(store, entry(HOUSE, null));
            // a photo the API refuses (here: its name is none the API takes) ends the batch before it goes
            AttachmentFiles wrong = new AttachmentFiles() {
                @Override
                public List<String> namedBy(Entry e) {
                    return List.of("not-a-photo-name");
                }

                @Override
                public byte[] bytes(String name) {
                    return new byte[] {1};
                }

                @Override
                public long bytesOf(Entry e) {
                    return 1;
                }
            };
            JsonApiTarget target = new JsonApiTarget(UploadTesting.json(api.url(), null), KIT, new TeamApi(Duration.ofSeconds(5)), wrong);
            String body = target.prepare(List.of(new Outgoing(entry, null)));
            ApiAnswer answer = target.send(new Batch("lankit-photo-test", List.of(new Batch.Item(entry.uuid(), entry.seq())), body))
                    .get(30, TimeUnit.SECONDS);
            assertThat(answer.isAccepted()).isFalse();
            assertThat(answer.reason()).startsWith("photo not-a-photo-name: HTTP 400");
            assertThat(api.requests()).as("the batch never went").isEmpty();
        }
    }

    private static int revisions(CouchDatabase db, String uuid) {
        try {
            return db.revisions(uuid).size();
        } catch (IOException e) {
            return 0;
        }
    }

    private Uploads start(KitStore store, TargetSettings target) {
        return Uploads.start(store, KIT, Optional.of(target), fast());
    }

    private static void assertHolds(CouchDatabase db, String uuid) throws IOException {
        assertThat(db.attachment(uuid, HOUSE)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes(HOUSE)));
        assertThat(db.attachment(uuid, MEMBER)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes(MEMBER)));
    }

    /** The form, both photos on the master, and the entry naming them committed as a phone's push would. */
    private static Entry photographed(KitStore store) throws IOException {
        store.forms().save(form());
        put(store, HOUSE);
        put(store, MEMBER);
        return commit(store, entry(HOUSE, MEMBER));
    }

    private static Entry commit(KitStore store, Entry entry) {
        return entry.withSeq(store.write(w -> w.commitMasterChange(entry, "phone1")));
    }

    static Form form() {
        FormField memberPhoto = FormField.of("member_photo", "Member's photo", FieldType.IMAGE, false);
        FormField members = new FormField("members", "Members", FieldType.REPEAT, false, null, null, null, null, null, null, null,
                null, null, null, null, null, null, List.of(FormField.of("member_name", "Member's name", FieldType.TEXT, false), memberPhoto), null);
        return new Form("photos", 1, "Photo survey", List.of(FormField.of("village", "Village", FieldType.TEXT, false),
                FormField.of("house_photo", "Photo of the house", FieldType.IMAGE, false), members));
    }

    private static Entry entry(String housePhoto, String memberPhoto) {
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        fields.put("village", FieldValue.stored(TextNode.valueOf("Kisumu"), UploadTesting.PHONE.now()));
        fields.put("house_photo", FieldValue.stored(TextNode.valueOf(housePhoto), UploadTesting.PHONE.now()));
        if (memberPhoto != null) {
            ArrayNode rows = Json.MAPPER.createArrayNode();
            rows.addObject().put("member_name", "Ann").put("member_photo", memberPhoto);
            fields.put("members", FieldValue.stored(rows, UploadTesting.PHONE.now()));
        }
        return new Entry(UUID.randomUUID().toString(), "photos", 1, fields, null, System.currentTimeMillis(), "phone1", 0, null, null);
    }

    private static void put(KitStore store, String name) throws IOException {
        byte[] b = bytes(name);
        store.attachments().append(name, "phone1", 0, b.length, new ByteArrayInputStream(b));
    }

    private static void put(KitStore store, String name, int size) throws IOException {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        for (int at = 0; at < size; at += Attachments.MAX_CHUNK_BYTES) {
            int to = Math.min(size, at + Attachments.MAX_CHUNK_BYTES);
            store.attachments().append(name, "phone1", at, size, new ByteArrayInputStream(b, at, to - at));
        }
    }

    /** A photo's bytes, the same for a name every time: 100 KB that do not compress, as a JPEG's do not. */
    private static byte[] bytes(String name) {
        byte[] b = new byte[Math.min(100_000, Attachments.MAX_CHUNK_BYTES)];
        new Random(name.hashCode()).nextBytes(b);
        return b;
    }
}
