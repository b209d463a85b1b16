package org.lankit.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Json;
import org.lankit.testkit.CouchDatabase;
import org.lankit.testkit.CouchServer;
import org.lankit.testkit.Entries;
import org.lankit.testkit.FlakyProxy;
import org.lankit.testkit.FlakyProxy.Fault;
import org.lankit.testkit.RivalWriterProxy;
import org.lankit.upstream.Outgoing.Delivered;

/** {@link CouchTarget} against a real CouchDB-protocol server (express-pouchdb from npm) on 127.0.0.1. */
class CouchTargetTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static CouchServer couch;

    private final HlcClock phone = HlcClock.system("phone1");
    private long seq;

    @BeforeAll
    static void startCouch() throws IOException {
        couch = CouchServer.start();
    }

    @AfterAll
    static void stopCouch() {
        if (couch != null) couch.stop();
    }

    @Test
    void each_entry_becomes_one_document_named_by_its_uuid_holding_every_field_with_its_clock() throws Exception {
        CouchDatabase db = freshDatabase();
        CouchTarget target = target(db.url());
        List<Entry> entries = List.of(entry("Ana", 3), entry("Ben", 5), entry("Cleo", 1));

        ApiAnswer answer = send(target, firstTime(entries));

        assertThat(answer.isAccepted()).isTrue();
        assertThat(answer.rejected()).isEmpty();
        assertThat(db.docs()).hasSize(3);
        for (Entry e : entries) {
            JsonNode doc = db.doc(e.uuid()).orElseThrow();
            assertThat(answer.refs()).containsEntry(e.uuid(), doc.path("_rev").asText());
            assertThat(doc.path("fields").path("respondent").path("hlc").asText()).isEqualTo(e.fields().get("respondent").hlc());
            assertThat(doc.path("lankit").path("seq").asLong()).isEqualTo(e.seq());
            assertThat(doc.path("lankit").path("deleted").asBoolean(true)).isFalse();
            assertThat(asEntry(doc)).as("the document without _id, _rev and lankit reads back as the entry").isEqualTo(e);
        }
    }

    @Test
    void an_edit_after_the_upload_becomes_a_new_rev_of_the_same_document() throws Exception {
        CouchDatabase db = freshDatabase();
        CouchTarget target = target(db.url());
        Entry first = entry("Ana", 3);
        String firstRev = send(target, firstTime(List.of(first))).refs().get(first.uuid());
        Entry edited = edit(first, "respondent", TextNode.valueOf("Ana Maria"));

        ApiAnswer answer = send(target, List.of(new Outgoing(edited, new Delivered(first.seq(), firstRev))));

        JsonNode doc = db.doc(first.uuid()).orElseThrow();
        assertThat(db.docs()).hasSize(1);
        assertThat(doc.path("fields").path("respondent").path("value").asText()).isEqualTo("Ana Maria");
        assertThat(doc.path("_rev").asText()).startsWith("2-").isEqualTo(answer.refs().get(first.uuid()));
        assertThat(db.revisions(first.uuid())).containsExactly(doc.path("_rev").asText(), firstRev);
    }

    @Test
    void a_conflict_with_another_writer_is_settled_by_fetching_the_document_and_writing_again_on_it_never_a_second_document() throws Exception {
        CouchDatabase db = freshDatabase();
        CouchTarget target = target(db.url());
        Entry first = entry("Ana", 3);
        String firstRev = send(target, firstTime(List.of(first))).refs().get(first.uuid());
        ObjectNode foreign = (ObjectNode) db.doc(first.uuid()).orElseThrow();
        foreign.put("checkedBy", "office");
        String foreignRev = db.put(foreign);
        Entry edited = edit(first, "household_size", Json.MAPPER.valueToTree(4));

        ApiAnswer answer = send(target, List.of(new Outgoing(edited, new Delivered(first.seq(), firstRev))));

        JsonNode doc = db.doc(first.uuid()).orElseThrow();
        assertThat(answer.rejected()).isEmpty();
        assertThat(db.docs()).hasSize(1);
        assertThat(doc.path("fields").path("household_size").path("value").asInt()).isEqualTo(4);
        assertThat(doc.path("lankit").path("seq").asLong()).isEqualTo(edited.seq());
        assertThat(doc.path("checkedBy").asText()).as("the other writer's note is kept").isEqualTo("office");
        assertThat(doc.path("_rev").asText()).startsWith("3-").isEqualTo(answer.refs().get(first.uuid()));
        assertThat(db.revisions(first.uuid())).containsExactly(doc.path("_rev").asText(), foreignRev, firstRev);
    }

    @Test
    void a_document_another_writer_keeps_changing_is_written_again_a_few_rounds_then_left_for_a_later_try() throws Exception {
        CouchDatabase db = freshDatabase();
        Entry first = entry("Ana", 3);
        String firstRev = send(target(db.url()), firstTime(List.of(first))).refs().get(first.uuid());
        Entry edited = edit(first, "household_size", Json.MAPPER.valueToTree(4));
        Throwable failure;
        int rivalWrites;
        try (RivalWriterProxy rival = RivalWriterProxy.in(couch, db, first.uuid())) {
            CouchTarget target = target(rival.url());
            failure = failure(target, batch(target, List.of(new Outgoing(edited, new Delivered(first.seq(), firstRev)))));
            rivalWrites = rival.rivalWrites();
        }

        assertThat(failure).isInstanceOf(RetryableAnswer.class).hasMessageContaining("kept changing under another writer");
        assertThat(((RetryableAnswer) failure).status()).isEqualTo(409);
        assertThat(rivalWrites).as("the first write and one per round").isEqualTo(1 + CouchBulkSend.CONFLICT_ROUNDS);
        JsonNode doc = db.doc(first.uuid()).orElseThrow();
        assertThat(db.docs()).hasSize(1);
        assertThat(doc.path("lankit").path("seq").asLong()).as("the edit is still to come").isEqualTo(first.seq());
        assertThat(doc.path("rivalEdits").asInt()).isEqualTo(rivalWrites);
    }

    @Test
    void a_batch_whose_answer_was_lost_after_the_server_stored_it_is_delivered_on_the_next_try_without_another_revision() throws Exception {
        CouchDatabase db = freshDatabase();
        FlakyProxy losing = couch.faultyProxy(1).next(many(Fault.RESET_AFTER_REQUEST));
        CouchTarget viaLosingProxy = target(losing.baseUrl() + "/" + db.name());
        CouchTarget direct = target(db.url());
        List<Entry> entries = List.of(entry("Ana", 3), entry("Ben", 5));
        Batch batch = batch(direct, firstTime(entries));

        assertThat(failure(viaLosingProxy, batch)).isInstanceOf(IOException.class);
        assertThat(db.docs()).as("the server stored the batch; its answer was lost").hasSize(2);
        ApiAnswer again = direct.send(batch).get(30, TimeUnit.SECONDS);

        assertThat(again.rejected()).isEmpty();
        assertThat(db.docs()).hasSize(2);
        for (Entry e : entries) {
            assertThat(db.revisions(e.uuid())).as("no revision written twice").hasSize(1);
            assertThat(again.refs()).containsEntry(e.uuid(), db.revisions(e.uuid()).get(0));
        }
    }

    @Test
    void server_errors_and_broken_connections_fail_the_try_for_the_retry_policy() throws Exception {
        CouchDatabase db = freshDatabase();
        FlakyProxy failing = couch.faultyProxy(2).next(Fault.ERROR_500);
        FlakyProxy resetting = couch.faultyProxy(3).next(many(Fault.RESET_BEFORE));
        CouchTarget viaFailing = target(failing.baseUrl() + "/" + db.name());
        Batch batch = batch(viaFailing, firstTime(List.of(entry("Ana", 3))));

        Throwable error500 = failure(viaFailing, batch);
        Throwable reset = failure(target(resetting.baseUrl() + "/" + db.name()), batch);

        assertThat(error500).isInstanceOf(RetryableAnswer.class);
        assertThat(((RetryableAnswer) error500).status()).isEqualTo(500);
        assertThat(reset).isInstanceOf(IOException.class);
        assertThat(Failures.isRetryable(error500)).isTrue();
        assertThat(Failures.isRetryable(reset)).isTrue();
        assertThat(db.docs()).isEmpty();
        assertThat(viaFailing.send(batch).get(30, TimeUnit.SECONDS).rejected()).isEmpty();
        assertThat(db.docs()).hasSize(1);
    }

    @Test
    void a_document_the_database_refuses_is_rejected_alone_with_the_database_s_reason() throws Exception {
        CouchDatabase db = freshDatabase();
        db.put((ObjectNode) Json.MAPPER.readTree("{\"_id\":\"_design/rules\",\"validate_doc_update\":"
                + "\"function (doc) { if (doc.fields && doc.fields.respondent && doc.fields.respondent.value === 'Nobody')"
                + " throw({forbidden: 'a respondent needs a real name'}); }\"}"));
        CouchTarget target = target(db.url());
        Entry good = entry("Ana", 3);
        Entry bad = entry("Nobody", 2);

        ApiAnswer answer = send(target, firstTime(List.of(good, bad)));

        assertThat(answer.isAccepted()).isTrue();
        assertThat(answer.rejected()).containsOnlyKeys(bad.uuid());
        assertThat(answer.rejected().get(bad.uuid())).contains("forbidden").contains("a respondent needs a real name");
        assertThat(answer.refs()).containsOnlyKeys(good.uuid());
        assertThat(db.doc(bad.uuid())).isEmpty();
    }

    @Test
    void a_deleted_entry_stays_a_full_document_flagged_deleted() throws Exception {
        CouchDatabase db = freshDatabase();
        CouchTarget target = target(db.url());
        Entry e = entry("Ana", 3);
        Entry deleted = e.withFields(e.fields(), FieldValue.stored(BooleanNode.TRUE, phone.now())).withSeq(++seq);

        send(target, firstTime(List.of(deleted)));

        JsonNode doc = db.doc(e.uuid()).orElseThrow();
        assertThat(doc.has("_deleted")).isFalse();
        assertThat(doc.path("lankit").path("deleted").asBoolean()).isTrue();
        assertThat(doc.path("deleted").path("hlc").asText()).isEqualTo(deleted.deleted().hlc());
        assertThat(doc.path("fields").path("respondent").path("value").asText()).isEqualTo("Ana");
    }

    @Test
    void a_missing_database_refuses_the_batch_in_plain_words_and_is_not_created() throws Exception {
        CouchTarget target = target(couch.url() + "/no_such_survey");

        ApiAnswer answer = send(target, firstTime(List.of(entry("Ana", 3))));

        assertThat(answer.isAccepted()).isFalse();
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.reason()).contains("the database \"no_such_survey\" does not exist");
        assertThat(couch.database("no_such_survey").exists()).as("still missing").isFalse();
    }

    @Test
    void a_refused_login_refuses_the_batch_and_neither_password_nor_token_shows_in_the_reason() throws Exception {
        String password = "correct-horse-battery-staple";
        try (CouchServer guarded = CouchServer.withLogin("surveyor", password)) {
            CouchDatabase db = guarded.database("survey").create();
            String wrong = "wrong-horse-battery-staple";
            CouchTarget wrongPassword = target(db.url(), "", "surveyor", wrong);
            CouchTarget token = target(db.url(), "tok-0123456789abcdef", "", "");
            CouchTarget inAddress = target("http://surveyor:" + password + "@127.0.0.1:" + guarded.port() + "/survey", "", "", "");
            List<Outgoing> one = firstTime(List.of(entry("Ana", 3)));

            ApiAnswer refused = send(wrongPassword, one);
            ApiAnswer refusedToken = send(token, one);
            ApiAnswer delivered = send(inAddress, one);

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.reason()).contains("refused the user name and password").doesNotContain(wrong)
                    .doesNotContain(new ApiTarget(URI.create(db.url()), "", "surveyor", wrong).basicAuthorization().substring(6));
            assertThat(refusedToken.status()).isEqualTo(401);
            assertThat(refusedToken.reason()).contains("refused the token").doesNotContain("tok-0123456789abcdef");
            assertThat(delivered.rejected()).isEmpty();
            assertThat(db.docs()).hasSize(1);
            assertThat(inAddress.redact("sent to " + inAddress.address())).doesNotContain(password);
            assertThat(inAddress.toString()).doesNotContain(password);
        }
    }

    private static ApiAnswer send(CouchTarget target, List<Outgoing> outgoing) throws Exception {
        return target.send(batch(target, outgoing)).get(30, TimeUnit.SECONDS);
    }

    /** What the uploader does: the target prepares the body once, and every try sends it. */
    private static Batch batch(CouchTarget target, List<Outgoing> outgoing) {
        List<Batch.Item> items = new ArrayList<>();
        for (Outgoing o : outgoing) items.add(new Batch.Item(o.entry().uuid(), o.entry().seq()));
        return new Batch("lankit-test-" + items.get(0).uuid(), items, target.prepare(outgoing));
    }

    private static Throwable failure(CouchTarget target, Batch batch) throws InterruptedException {
        try {
            target.send(batch).get(30, TimeUnit.SECONDS);
            throw new AssertionError("the try did not fail");
        } catch (ExecutionException e) {
            return Failures.unwrap(e);
        } catch (TimeoutException e) {
            throw new AssertionError("the try did not end", e);
        }
    }

    /**
     * Enough of one fault for every connection of one try: the JDK client may quietly send a
     * request again on a new connection when one breaks before any answer came.
     */
    private static Fault[] many(Fault fault) {
        Fault[] faults = new Fault[10];
        Arrays.fill(faults, fault);
        return faults;
    }

    private static List<Outgoing> firstTime(List<Entry> entries) {
        return entries.stream().map(e -> new Outgoing(e, null)).toList();
    }

    private Entry entry(String respondent, int size) {
        Entry e = Entries.household(phone, respondent, size);
        return e.withFields(stored(e.fields()), null).withSeq(++seq);
    }

    private Entry edit(Entry e, String field, JsonNode value) {
        Map<String, FieldValue> fields = new TreeMap<>(e.fields());
        fields.put(field, FieldValue.stored(value, phone.now()));
        return e.withFields(fields, e.deleted()).withSeq(++seq);
    }

    /** The fields as the master stores them: without the base a device's edit carries. */
    private static Map<String, FieldValue> stored(Map<String, FieldValue> fields) {
        Map<String, FieldValue> out = new TreeMap<>();
        fields.forEach((k, v) -> out.put(k, v.withoutBase()));
        return out;
    }

    private static Entry asEntry(JsonNode doc) throws IOException {
        ObjectNode entry = ((ObjectNode) doc).deepCopy();
        entry.remove(List.of("_id", "_rev", "lankit"));
        return Json.MAPPER.treeToValue(entry, Entry.class);
    }

    private static CouchDatabase freshDatabase() throws IOException {
        return couch.database("survey_" + DATABASES.incrementAndGet()).create();
    }

    private static CouchTarget target(String url) {
        return target(url, "", "", "");
    }

    private static CouchTarget target(String url, String token, String user, String password) {
        return new CouchTarget(settings(url, token, user, password), TIMEOUT, AttachmentFiles.NONE);
    }

    private static TargetSettings settings(String url, String token, String user, String password) {
        return new TargetSettings("main", TargetKind.COUCHDB, new ApiTarget(URI.create(url), token, user, password), Map.of());
    }
}
