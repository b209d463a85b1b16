package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.Hlc;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.PushResponse;
import org.lankit.sync.Protocol.PushResult;
import org.lankit.sync.PushStatus;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;
import org.lankit.testkit.WireVectors;

/**
 * The master checks every pushed entry with the form's rules (relevance, required, constraints,
 * choice_filter, repeat rows) over real HTTP: an entry that breaks one is refused on its own with
 * the sentence the worker saw, and nothing of it is stored.
 */
class HubFormRulesTest {

    @TempDir
    Path dataDir;
    private RunningMaster master;
    private PairedDevice phone;

    @BeforeEach
    void start() throws Exception {
        master = RunningMaster.start(dataDir, 0, HubConfig.defaults().withRateLimit(10_000, 10_000).withAnnouncement(false));
        master.store().forms().save(Json.MAPPER.treeToValue(
                WireVectors.all("form-rules.json").path("forms").path("household"), Form.class));
        phone = master.pair("Phone A");
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void entries_breaking_the_forms_rules_are_refused_one_by_one_with_the_sentence_and_not_stored() throws Exception {
        Entry good = entry("""
                {"respondent": "Grace", "age": 40, "consent": "yes", "hh_size": 3, "water": ["tap", "other"],
                 "water_other": "rain tank", "county": "nairobi", "ward": "westlands",
                 "members": [{"m_name": "Grace", "m_age": 40}, {"m_name": "Tom", "m_age": 10, "m_school": "yes"}],
                 "children_match": 1}""");
        Entry tooYoung = entry("""
                {"respondent": "Juma", "age": 12, "consent": "no"}""");
        Entry negativeMember = entry("""
                {"respondent": "Amina", "age": 30, "consent": "yes", "hh_size": 2, "water": ["well"],
                 "members": [{"m_name": "Amina", "m_age": 30}, {"m_name": "Ali", "m_age": -1}]}""");
        Entry wardNotOffered = entry("""
                {"respondent": "Otieno", "age": 50, "consent": "no", "county": "kisumu", "ward": "westlands"}""");
        Entry hiddenLeftOver = entry("""
                {"respondent": "Wanjiru", "age": 22, "consent": "no", "water_other": "left from before"}""");
        Entry schoolMissing = entry("""
                {"respondent": "Kamau", "age": 35, "consent": "yes", "hh_size": 1, "water": ["tap"],
                 "members": [{"m_name": "Kamau", "m_age": 12}]}""");

        PushResponse answer = phone.client().push(List.of(good, tooYoung, negativeMember, wardNotOffered, hiddenLeftOver, schoolMissing));

        List<PushResult> results = answer.results();
        assertThat(results).extracting(PushResult::status).containsExactly(PushStatus.APPLIED, PushStatus.REJECTED,
                PushStatus.REJECTED, PushStatus.REJECTED, PushStatus.APPLIED, PushStatus.REJECTED);
        assertThat(results.get(1).error()).isEqualTo("Age: must be between 15 and 120");
        assertThat(results.get(2).error()).isEqualTo("Household members row 2: Member age: cannot be negative");
        assertThat(results.get(3).error()).isEqualTo("Ward must be one of the offered choices");
        assertThat(results.get(5).error()).isEqualTo("Household members row 1: Attends school is required");
        assertThat(master.store().entryCount()).isEqualTo(2);
        for (Entry refused : List.of(tooYoung, negativeMember, wardNotOffered, schoolMissing)) {
            assertThat(master.store().find(refused.uuid())).as(refused.uuid()).isEmpty();
        }
        assertThat(master.store().find(good.uuid())).isPresent();
        assertThat(master.store().find(hiddenLeftOver.uuid())).as("a hidden question's answer is not checked").isPresent();
    }

    @Test
    void an_entry_of_a_form_without_expressions_is_still_checked_for_required_questions_in_repeat_rows() throws Exception {
        Form plain = Json.MAPPER.readValue("""
                {"id": "plain", "version": 1, "title": "Plain",
                 "fields": [{"name": "who", "label": "Who", "type": "text", "required": true},
                            {"name": "people", "label": "People", "type": "repeat",
                             "fields": [{"name": "p_name", "label": "Name", "type": "text", "required": true}]}]}""", Form.class);
        master.store().forms().save(plain);
        Entry rowWithoutName = entry("plain", """
                {"who": "Ann", "people": [{"p_name": "Ann"}, {}]}""");

        PushResponse answer = phone.client().push(List.of(rowWithoutName));

        assertThat(answer.results().get(0).status()).isEqualTo(PushStatus.REJECTED);
        assertThat(answer.results().get(0).error()).isEqualTo("People row 2: Name is required");
        assertThat(master.store().entryCount()).isZero();
    }

    private Entry entry(String answers) throws Exception {
        return entry("household", answers);
    }

    private Entry entry(String formId, String answers) throws Exception {
        HlcClock clock = phone.clock();
        Hlc hlc = clock.now();
        Map<String, FieldValue> fields = new TreeMap<>();
        JsonNode values = Json.MAPPER.readTree(answers);
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> a = it.next();
            fields.put(a.getKey(), FieldValue.edit(a.getValue(), hlc, ""));
        }
        return new Entry(UUID.randomUUID().toString(), formId, 1, fields, null, hlc.wallMs(), clock.deviceId(), 0, null, null);
    }
}
