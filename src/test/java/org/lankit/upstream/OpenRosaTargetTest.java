package org.lankit.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.sync.DefaultForm;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldType;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.Entries;
import org.lankit.testkit.OpenRosaServer;
import org.lankit.testkit.OpenRosaServer.Duplicates;
import org.lankit.testkit.OpenRosaServer.Fault;
import org.lankit.testkit.OpenRosaServer.Stored;

/**
 * The OpenRosa target against the test kit's OpenRosa server, which checks every request against
 * the spec; entries are committed to a real store and read back as the uploader reads them.
 */
class OpenRosaTargetTest {

    private static final HlcClock PHONE = HlcClock.system("phone1");
    private static final String CENTRAL_TOKEN = "Xy7$gH2!kLmNoPqRsTuVwXyZ0123456789abcdEFGH";
    private static final String VERSION = "2026120301";

    @TempDir
    Path dataDir;
    private KitStore store;
    private OpenRosaServer server;

    @BeforeEach
    void start() throws Exception {
        store = KitStore.open(dataDir);
        server = OpenRosaServer.start("/v1/key/" + CENTRAL_TOKEN + "/projects/1").publish(DefaultForm.ID, VERSION);
    }

    @AfterEach
    void stop() {
        assertThat(server.violations()).as("requests that broke the OpenRosa spec").isEmpty();
        server.close();
        store.close();
    }

    @Test
    void an_entry_goes_as_one_xform_instance_with_each_field_as_an_element_and_a_uuid_instance_id() throws Exception {
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        fields.put("respondent", value(TextNode.valueOf("Ana <\"Ños\"> & co")));
        fields.put("household_size", value(IntNode.valueOf(4)));
        fields.put("weight", value(DecimalNode.valueOf(new BigDecimal("2.5"))));
        fields.put("consent", value(BooleanNode.TRUE));
        ArrayNode sources = JsonNodeFactory.instance.arrayNode().add("well").add("river");
        fields.put("water_sources", value(sources));
        fields.put("notes", value(NullNode.getInstance()));
        Entry entry = commit(new Entry(UUID.randomUUID().toString(), DefaultForm.ID, 1, fields, null, 1L, "phone1", 0, null, null));

        ApiAnswer answer = deliver(target(), entry, null);

        String instanceId = XFormInstance.instanceIdOf(entry.uuid(), entry.seq());
        assertThat(answer.isAccepted()).isTrue();
        assertThat(answer.rejected()).isEmpty();
        assertThat(answer.refs()).containsExactly(Map.entry(entry.uuid(), instanceId));
        Stored stored = server.instance(instanceId);
        assertThat(stored.formId()).isEqualTo(DefaultForm.ID);
        assertThat(stored.version()).isEqualTo(VERSION);
        assertThat(stored.deprecatedId()).isNull();
        assertThat(stored.fields()).containsOnly(Map.entry("respondent", "Ana <\"Ños\"> & co"), Map.entry("household_size", "4"),
                Map.entry("weight", "2.5"), Map.entry("consent", "true"), Map.entry("water_sources", "well river"), Map.entry("notes", ""));
        assertThat(stored.xml()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><data id=\"" + DefaultForm.ID + "\" version=\"" + VERSION + "\">")
                .contains("<notes/>", "<meta><instanceID>" + instanceId + "</instanceID></meta>");
    }

    @Test
    void the_instance_id_follows_from_the_entry_and_its_revision_so_a_try_after_a_lost_answer_is_a_duplicate() throws Exception {
        Entry entry = commit(Entries.household(PHONE, "Ana", 3));
        OpenRosaTarget target = target();
        String body = target.prepare(List.of(new Outgoing(entry, null)));
        assertThat(target.prepare(List.of(new Outgoing(entry, null)))).as("prepared twice, the same").isEqualTo(body);
        assertThat(XFormInstance.instanceIdOf(entry.uuid(), entry.seq()))
                .isEqualTo(XFormInstance.instanceIdOf(entry.uuid(), entry.seq()))
                .isNotEqualTo(XFormInstance.instanceIdOf(entry.uuid(), entry.seq() + 1))
                .matches("uuid:[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        Batch batch = new Batch("k1", List.of(new Batch.Item(entry.uuid(), entry.seq())), body);

        server.faultNext(Fault.RESET_AFTER_STORING);
        Throwable lost = catchThrowable(() -> target.send(batch).get());
        assertThat(Failures.isRetryable(lost)).as("a dropped answer is retried").isTrue();
        assertThat(server.instanceCount()).isEqualTo(1);

        ApiAnswer again = target.send(batch).get();
        assertThat(again.isAccepted()).isTrue();
        assertThat(again.rejected()).isEmpty();
        assertThat(again.refs()).containsEntry(entry.uuid(), XFormInstance.instanceIdOf(entry.uuid(), entry.seq()));
        assertThat(server.instanceCount()).as("stored once").isEqualTo(1);
        assertThat(server.duplicateCount()).isEqualTo(1);
    }

    @Test
    void a_duplicate_counts_as_delivered_whether_it_is_answered_as_odk_central_or_as_kobotoolbox_does() throws Exception {
        Entry entry = commit(Entries.household(PHONE, "Ana", 3));
        OpenRosaTarget target = target();
        deliver(target, entry, null);
        server.publish(DefaultForm.ID, "2026120302");
        OpenRosaTarget restarted = target();

        // the form moved on: a new target sends the same instance under the new version, and Central answers 409
        ApiAnswer central = deliver(restarted, entry, null);
        server.duplicatesAnsweredAs(Duplicates.KOBO);
        ApiAnswer kobo = deliver(restarted, entry, null);

        for (ApiAnswer answer : List.of(central, kobo)) {
            assertThat(answer.rejected()).isEmpty();
            assertThat(answer.refs()).containsEntry(entry.uuid(), XFormInstance.instanceIdOf(entry.uuid(), entry.seq()));
        }
        assertThat(server.instanceCount()).isEqualTo(1);
        assertThat(server.duplicateCount()).isEqualTo(2);
    }

    @Test
    void an_edit_after_upload_is_a_new_instance_naming_the_delivered_one_as_deprecated() throws Exception {
        Entry first = commit(Entries.household(PHONE, "Ana", 3));
        OpenRosaTarget target = target();
        String firstId = deliver(target, first, null).refs().get(first.uuid());

        Entry edited = commit(first.withFields(Entries.household(PHONE, "Ana Maria", 5).fields(), null));
        ApiAnswer answer = deliver(target, edited, new Outgoing.Delivered(first.seq(), firstId));

        String editedId = XFormInstance.instanceIdOf(first.uuid(), edited.seq());
        assertThat(answer.refs()).containsEntry(first.uuid(), editedId);
        assertThat(server.instanceCount()).isEqualTo(2);
        assertThat(server.currentInstances()).singleElement().satisfies(current -> {
            assertThat(current.instanceId()).isEqualTo(editedId);
            assertThat(current.deprecatedId()).isEqualTo(firstId);
            assertThat(current.fields()).containsEntry("respondent", "Ana Maria").containsEntry("household_size", "5");
        });
    }

    @Test
    void entries_of_a_form_the_server_lacks_are_rejected_one_by_one_with_a_message_naming_the_form() throws Exception {
        Entry household = commit(Entries.household(PHONE, "Ana", 3));
        Entry clinic = commit(otherForm(Entries.household(PHONE, "Bea", 2), "clinic_visit"));
        OpenRosaTarget target = new OpenRosaTarget(new TargetSettings("main", TargetKind.OPENROSA,
                new ApiTarget(URI.create(server.url()), ""), Map.of("clinic_visit", "clinic_2026")), Duration.ofSeconds(5), AttachmentFiles.NONE, FormVersions.NONE);

        String body = target.prepare(List.of(new Outgoing(household, null), new Outgoing(clinic, null)));
        ApiAnswer answer = target.send(new Batch("k", List.of(new Batch.Item(household.uuid(), household.seq()),
                new Batch.Item(clinic.uuid(), clinic.seq())), body)).get();

        assertThat(answer.isAccepted()).isTrue();
        assertThat(answer.refs()).containsOnlyKeys(household.uuid());
        assertThat(answer.rejected()).containsOnlyKeys(clinic.uuid());
        assertThat(answer.rejected().get(clinic.uuid())).contains("the server has no form \"clinic_2026\"");
        assertThat(server.instanceCount()).isEqualTo(1);
        assertThat(server.formListCount()).as("the unknown form made the target read the list again").isEqualTo(1);

        server.publish("clinic_2026", "1");
        ApiAnswer later = target.send(new Batch("k2", List.of(new Batch.Item(clinic.uuid(), clinic.seq())),
                target.prepare(List.of(new Outgoing(clinic, null))))).get();
        assertThat(later.rejected()).isEmpty();
        assertThat(later.refs()).containsOnlyKeys(clinic.uuid());
        assertThat(server.currentInstances()).extracting(Stored::formId).containsExactlyInAnyOrder(DefaultForm.ID, "clinic_2026");
    }

    @Test
    void a_deleted_entry_is_not_sent_and_the_server_keeps_the_revision_it_has() throws Exception {
        Entry entry = commit(Entries.household(PHONE, "Ana", 3));
        OpenRosaTarget target = target();
        String delivered = deliver(target, entry, null).refs().get(entry.uuid());
        Entry deleted = commit(entry.withFields(entry.fields(), FieldValue.stored(BooleanNode.TRUE, PHONE.now())));
        Entry neverSent = commit(Entries.household(PHONE, "Gone", 1));
        Entry neverSentDeleted = commit(neverSent.withFields(neverSent.fields(), FieldValue.stored(BooleanNode.TRUE, PHONE.now())));

        ApiAnswer answer = deliver(target, deleted, new Outgoing.Delivered(entry.seq(), delivered));
        ApiAnswer other = deliver(target, neverSentDeleted, null);

        assertThat(answer.rejected()).isEmpty();
        assertThat(answer.refs()).containsExactly(Map.entry(entry.uuid(), delivered));
        assertThat(other.rejected()).isEmpty();
        assertThat(other.refs()).isEmpty();
        assertThat(server.submissionCount()).isEqualTo(1);
    }

    @Test
    void a_field_id_that_is_no_xml_name_fails_that_entry_alone() throws Exception {
        Entry good = commit(Entries.household(PHONE, "Ana", 3));
        Entry bad = commit(Entries.household(PHONE, "Bea", 3));
        Map<String, FieldValue> fields = new LinkedHashMap<>(bad.fields());
        fields.put("2nd visit", value(TextNode.valueOf("yes")));
        Entry badFields = commit(bad.withFields(fields, null));
        OpenRosaTarget target = target();

        String body = target.prepare(List.of(new Outgoing(good, null), new Outgoing(badFields, null)));
        ApiAnswer answer = target.send(new Batch("k", List.of(new Batch.Item(good.uuid(), good.seq()),
                new Batch.Item(badFields.uuid(), badFields.seq())), body)).get();

        assertThat(answer.refs()).containsOnlyKeys(good.uuid());
        assertThat(answer.rejected()).containsOnlyKeys(badFields.uuid());
        assertThat(answer.rejected().get(badFields.uuid())).contains("\"2nd visit\"", "not a valid XForm field name");
    }

    @Test
    void a_500_a_slow_answer_and_a_connection_dropped_before_storing_are_retried_and_store_nothing_twice() throws Exception {
        Entry entry = commit(Entries.household(PHONE, "Ana", 3));
        OpenRosaTarget target = new OpenRosaTarget(settings("", "", ""), Duration.ofMillis(300), AttachmentFiles.NONE, FormVersions.NONE);
        Batch batch = new Batch("k", List.of(new Batch.Item(entry.uuid(), entry.seq())), target.prepare(List.of(new Outgoing(entry, null))));
        server.slowBy(1_500).faultNext(Fault.ERROR_500, Fault.RESET_BEFORE_STORING, Fault.SLOW);

        Throwable error500 = catchThrowable(() -> target.send(batch).get());
        Throwable reset = catchThrowable(() -> target.send(batch).get());
        Throwable slow = catchThrowable(() -> target.send(batch).get());
        ApiAnswer answer = target.send(batch).get();

        assertThat(Failures.unwrap(error500)).isInstanceOf(RetryableAnswer.class);
        assertThat(List.of(error500, reset, slow)).allMatch(Failures::isRetryable);
        assertThat(answer.refs()).containsOnlyKeys(entry.uuid());
        assertThat(server.instanceCount()).isEqualTo(1);
        assertThat(server.duplicateCount()).as("the slow answer had stored it").isEqualTo(1);
    }

    @Test
    void a_try_goes_on_where_the_last_try_of_the_same_batch_stopped() throws Exception {
        List<Entry> entries = List.of(commit(Entries.household(PHONE, "Ana", 1)), commit(Entries.household(PHONE, "Bea", 2)),
                commit(Entries.household(PHONE, "Cai", 3)));
        OpenRosaTarget target = target();
        List<Outgoing> outgoing = entries.stream().map(e -> new Outgoing(e, null)).toList();
        Batch batch = new Batch("k", entries.stream().map(e -> new Batch.Item(e.uuid(), e.seq())).toList(), target.prepare(outgoing));
        server.faultNext(Fault.NONE, Fault.ERROR_500);

        Throwable failed = catchThrowable(() -> target.send(batch).get());
        ApiAnswer answer = target.send(batch).get();

        assertThat(Failures.isRetryable(failed)).isTrue();
        assertThat(answer.refs()).containsOnlyKeys(entries.stream().map(Entry::uuid).toList());
        assertThat(server.submissionCount()).as("Ana, Bea (500), then Bea and Cai: Ana is not sent again").isEqualTo(4);
        assertThat(server.duplicateCount()).isZero();
        assertThat(server.instanceCount()).isEqualTo(3);
    }

    @Test
    void a_kobo_token_and_a_user_with_password_are_sent_as_the_server_asks_and_wrong_ones_refuse_the_batch() throws Exception {
        Entry entry = commit(Entries.household(PHONE, "Ana", 3));
        server.requireToken("kobo-token-0123456789");
        assertThat(deliver(new OpenRosaTarget(settings("kobo-token-0123456789", "", ""), Duration.ofSeconds(5), AttachmentFiles.NONE, FormVersions.NONE), entry, null)
                .refs()).containsOnlyKeys(entry.uuid());
        server.requireBasic("enumerator", "s3cret-pass");
        assertThat(deliver(new OpenRosaTarget(settings("", "enumerator", "s3cret-pass"), Duration.ofSeconds(5), AttachmentFiles.NONE, FormVersions.NONE), entry, null)
                .refs()).containsOnlyKeys(entry.uuid());

        ApiAnswer refused = deliver(new OpenRosaTarget(settings("", "enumerator", "wrong-pass"), Duration.ofSeconds(5), AttachmentFiles.NONE, FormVersions.NONE), entry, null);
        assertThat(refused.isAccepted()).isFalse();
        assertThat(refused.status()).isEqualTo(401);
        assertThat(server.instanceCount()).isEqualTo(1);
    }

    @Test
    void credentials_never_show_in_what_the_target_reports() throws Exception {
        Entry entry = commit(Entries.household(PHONE, "Ana", 3));
        OpenRosaTarget central = target();
        OpenRosaTarget kobo = new OpenRosaTarget(settings("kobo-token-0123456789", "", ""), Duration.ofSeconds(5), AttachmentFiles.NONE, FormVersions.NONE);
        OpenRosaTarget basic = new OpenRosaTarget(settings("", "enumerator", "s3cret-pass-42"), Duration.ofSeconds(5), AttachmentFiles.NONE, FormVersions.NONE);
        List<String> secrets = List.of(CENTRAL_TOKEN, "kobo-token-0123456789", "s3cret-pass-42",
                new ApiTarget(URI.create(server.url()), "", "enumerator", "s3cret-pass-42").basicAuthorization().substring(6));

        server.echoCredentialsWith(400);
        String rejectedCentral = deliver(central, entry, null).rejected().get(entry.uuid());
        String rejectedKobo = deliver(kobo, entry, null).rejected().get(entry.uuid());
        server.echoCredentialsWith(403);
        String refusedBasic = deliver(basic, entry, null).reason();
        server.echoCredentialsWith(503);
        Throwable failing = catchThrowable(() -> deliver(central, entry, null));
        String failingWords = Failures.describe(failing, central);

        assertThat(rejectedCentral).contains("are not valid for", "/v1/key/•••");
        assertThat(refusedBasic).contains("HTTP 403");
        for (String shown : List.of(rejectedCentral, rejectedKobo, refusedBasic, failingWords, central.toString(), kobo.toString(),
                basic.toString(), central.redact(server.url()))) {
            for (String secret : secrets) assertThat(shown).doesNotContain(secret);
        }
    }

    @Test
    void a_surveys_answers_sit_inside_their_groups_and_each_member_is_one_repeat_element_as_the_servers_form_has_them()
            throws Exception {
        FormField respondent = FormField.of("respondent", "Respondent", FieldType.TEXT, true);
        FormField place = new FormField("place", "Place", FieldType.GROUP, false, null, null, null, null, null, null, null,
                null, null, null, null, null, null, List.of(respondent), null);
        FormField sick = FormField.of("m_sick", "Sick this week", FieldType.TEXT, false);
        FormField health = new FormField("health", "Health", FieldType.GROUP, false, null, null, null, null, null, null, null,
                null, null, null, null, null, null, List.of(sick), null);
        FormField members = new FormField("members", "Member", FieldType.REPEAT, false, null, null, null, null, null, null,
                null, null, null, null, null, null, null, List.of(FormField.of("m_name", "Name", FieldType.TEXT, true), health), null);
        Form survey = new Form("household_survey", 1, "Household survey",
                List.of(place, members, FormField.of("thanks", "Thank them.", FieldType.NOTE, false)));
        server.publish("household_survey", VERSION);
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        rows.addObject().put("m_name", "Grace");
        rows.addObject().put("m_name", "Tom").put("m_sick", "no");
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        fields.put("respondent", value(TextNode.valueOf("Grace")));
        fields.put("members", value(rows));
        Entry entry = commit(new Entry(UUID.randomUUID().toString(), "household_survey", 1, fields, null, 1L, "phone1", 0, null, null));
        OpenRosaTarget target = new OpenRosaTarget(settings("", "", ""), Duration.ofSeconds(5), AttachmentFiles.NONE,
                (formId, version) -> formId.equals("household_survey") && version == 1 ? Optional.of(survey) : Optional.empty());

        assertThat(deliver(target, entry, null).isAccepted()).isTrue();

        String xml = server.instance(XFormInstance.instanceIdOf(entry.uuid(), entry.seq())).xml();
        assertThat(xml).contains("<place><respondent>Grace</respondent></place>")
                .contains("<members><m_name>Grace</m_name><health></health></members>"
                        + "<members><m_name>Tom</m_name><health><m_sick>no</m_sick></health></members>")
                .doesNotContain("thanks");
    }

    // ---- helpers ----

    private OpenRosaTarget target() {
        return new OpenRosaTarget(settings("", "", ""), Duration.ofSeconds(5), AttachmentFiles.NONE, FormVersions.NONE);
    }

    private TargetSettings settings(String token, String user, String password) {
        return new TargetSettings("main", TargetKind.OPENROSA, new ApiTarget(URI.create(server.url()), token, user, password), Map.of());
    }

    /** One batch of this one revision, prepared and sent as the uploader does. */
    private static ApiAnswer deliver(OpenRosaTarget target, Entry entry, Outgoing.Delivered previous) throws ExecutionException, InterruptedException {
        String body = target.prepare(List.of(new Outgoing(entry, previous)));
        return target.send(new Batch("key-" + entry.seq(), List.of(new Batch.Item(entry.uuid(), entry.seq())), body)).get();
    }

    /** Commits the entry on the master and returns it as the master holds it (with its seq). */
    private Entry commit(Entry entry) {
        long seq = store.write(w -> w.commitMasterChange(entry, "phone1"));
        return store.find(entry.uuid()).orElseThrow().entry().withSeq(seq);
    }

    private static FieldValue value(com.fasterxml.jackson.databind.JsonNode v) {
        return FieldValue.stored(v, PHONE.now());
    }

    private static Entry otherForm(Entry e, String formId) {
        return new Entry(e.uuid(), formId, 1, e.fields(), null, e.createdAt(), e.createdBy(), 0, null, null);
    }
}
