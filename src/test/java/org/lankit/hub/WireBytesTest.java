package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.Entry;
import org.lankit.sync.EntryForm;
import org.lankit.sync.FieldType;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.sync.Hlc;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Json;
import org.lankit.sync.LocalEdits;
import org.lankit.sync.Protocol.PushRequest;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * Bytes per entry on the wire for entries of 8 values like the household form, push and pull, in
 * each form, plain and gzipped, through a real hub (the figures of issue 15; PouchDB sends 433).
 * Byte counts, not times: they do not depend on the machine's load.
 */
class WireBytesTest {

    private static final int POUCHDB_BYTES = 433;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Form SURVEY = new Form("household_survey", 1, "Household survey", List.of(
            FormField.of("respondent", "Respondent", FieldType.TEXT, true),
            FormField.of("village", "Village", FieldType.TEXT, false),
            new FormField("household_size", "Household size", FieldType.INTEGER, true, null, BigDecimal.ONE, BigDecimal.valueOf(50)),
            new FormField("children_under_5", "Children under 5", FieldType.INTEGER, false, null, BigDecimal.ZERO, BigDecimal.valueOf(20)),
            FormField.of("visit_date", "Visit date", FieldType.DATE, false),
            new FormField("water_source", "Water source", FieldType.SELECT_ONE, false, List.of("well", "tap", "river", "other"), null, null),
            FormField.of("has_latrine", "Has a latrine", FieldType.BOOLEAN, false),
            FormField.of("notes", "Notes", FieldType.TEXTAREA, false)));

    @TempDir
    Path dataDir;

    @Test
    void entries_of_eight_values_take_fewer_bytes_than_pouchdb_both_ways_in_the_compact_form_gzipped() throws Exception {
        Map<String, Double> figures = new LinkedHashMap<>();
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            master.store().forms().save(SURVEY);
            PairedDevice phone = master.pair("Phone");
            List<Entry> batch = surveys(phone.clock(), 500);
            List<Entry> small = batch.subList(0, 50);

            figures.put("push v1 plain, batches of 500 (before)", perEntry(body(EntryForm.V1, batch, false), 500));
            figures.put("push v2 plain, batches of 500", perEntry(body(EntryForm.V2, batch, false), 500));
            figures.put("push v2 gzip, batches of 500", perEntry(body(EntryForm.V2, batch, true), 500));
            figures.put("push v2 gzip, batches of 50 (the phone's)", perEntry(body(EntryForm.V2, small, true), 50));
            figures.put("push v2 plain, a clock per field (older devices)",
                    perEntry(body(EntryForm.V2, surveysClockPerField(phone.clock(), 500), false), 500));

            HttpResponse<byte[]> pushed = send(master, phone, HttpRequest.newBuilder(URI.create(master.baseUrl() + "/api/v1/sync/push"))
                    .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body(EntryForm.V2, batch, true))));
            assertThat(Json.MAPPER.readTree(pushed.body()).path("results").findValuesAsText("status")).containsOnly("applied");

            figures.put("pull v1 plain, pages of 500 (before)", perEntry(pull(master, phone, "", false), 500));
            figures.put("pull v2 plain, pages of 500", perEntry(pull(master, phone, "&format=2", false), 500));
            figures.put("pull v2 gzip, pages of 500", perEntry(pull(master, phone, "&format=2", true), 500));
            figures.put("pull v2 gzip, pages of 200 (the phone's)", perEntry(pullPage(master, phone, 200), 200));
        }
        StringBuilder table = new StringBuilder("\nbytes per entry on the wire, 8 values (PouchDB: " + POUCHDB_BYTES + ")\n");
        figures.forEach((what, bytes) -> table.append(String.format("  %-52s %6.0f%n", what, bytes)));
        System.out.println(table);

        assertThat(figures.get("push v2 gzip, batches of 500")).isLessThanOrEqualTo(POUCHDB_BYTES);
        assertThat(figures.get("push v2 gzip, batches of 50 (the phone's)")).isLessThanOrEqualTo(POUCHDB_BYTES);
        assertThat(figures.get("pull v2 gzip, pages of 500")).isLessThanOrEqualTo(POUCHDB_BYTES);
        assertThat(figures.get("pull v2 plain, pages of 500")).isLessThan(figures.get("pull v1 plain, pages of 500 (before)"));
    }

    /** Entries as a phone makes them: one save, one clock; values that differ from entry to entry. */
    private static List<Entry> surveys(HlcClock clock, int n) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) entries.add(LocalEdits.create(UUID.randomUUID().toString(), SURVEY, values(i), clock));
        return entries;
    }

    private static List<Entry> surveysClockPerField(HlcClock clock, int n) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, FieldValue> fields = new LinkedHashMap<>();
            values(i).forEach((name, value) -> {
                Hlc at = clock.now();
                fields.put(name, FieldValue.edit(value, at, ""));
            });
            entries.add(new Entry(UUID.randomUUID().toString(), SURVEY.id(), 1, fields, null, clock.physicalNow(),
                    clock.deviceId(), 0, null, null));
        }
        return entries;
    }

    /** Values as varied as a day's visits: names, places and notes drawn at random (seeded, so the bytes repeat). */
    private static Map<String, JsonNode> values(int i) {
        Random random = new Random(i);
        String[] first = {"Amina", "Grace", "Otieno", "Wanjiru", "Kiprono", "Achieng", "Mwangi", "Nafula", "Barasa", "Atieno"};
        String[] last = {"Odhiambo", "Wekesa", "Mutua", "Chebet", "Kamau", "Onyango", "Wafula", "Njeri", "Kiptoo", "Auma"};
        String[] villages = {"Busia", "Kisumu", "Kakamega", "Bungoma", "Siaya", "Nambale", "Funyula", "Matayos"};
        String[] sources = {"well", "tap", "river", "other"};
        String[] words = {"roof", "needs", "repair", "children", "at", "school", "water", "far", "from", "home", "latrine",
                "shared", "with", "neighbours", "visit", "again", "next", "month", "mother", "away", "market", "day"};
        StringBuilder notes = new StringBuilder();
        for (int w = 0, n = 4 + random.nextInt(8); w < n; w++) notes.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("respondent", TextNode.valueOf(first[random.nextInt(first.length)] + " " + last[random.nextInt(last.length)]));
        values.put("village", TextNode.valueOf(villages[random.nextInt(villages.length)]));
        values.put("household_size", IntNode.valueOf(1 + random.nextInt(12)));
        values.put("children_under_5", IntNode.valueOf(random.nextInt(4)));
        values.put("visit_date", TextNode.valueOf(String.format("2026-11-%02d", 1 + random.nextInt(28))));
        values.put("water_source", TextNode.valueOf(sources[random.nextInt(sources.length)]));
        values.put("has_latrine", BooleanNode.valueOf(random.nextBoolean()));
        values.put("notes", TextNode.valueOf(notes.toString()));
        return values;
    }

    private static byte[] body(EntryForm form, List<Entry> entries, boolean gzip) throws Exception {
        byte[] plain = form.writer().writeValueAsBytes(new PushRequest(entries));
        return gzip ? HubWireTest.gzip(plain) : plain;
    }

    private static double perEntry(byte[] body, int entries) {
        return (double) body.length / entries;
    }

    private static byte[] pull(RunningMaster master, PairedDevice phone, String format, boolean gzip) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(master.baseUrl() + "/api/v1/sync/pull?since=0&limit=500" + format));
        if (gzip) b.header("Accept-Encoding", "gzip");
        HttpResponse<byte[]> answer = send(master, phone, b.GET());
        assertThat(answer.headers().firstValue("Content-Encoding").isPresent()).isEqualTo(gzip);
        JsonNode json = Json.MAPPER.readTree(gzip ? HubWireTest.gunzip(answer.body()) : answer.body());
        assertThat((ArrayNode) json.path("entries")).hasSize(500);
        return answer.body();
    }

    private static byte[] pullPage(RunningMaster master, PairedDevice phone, int limit) throws Exception {
        HttpResponse<byte[]> answer = send(master, phone, HttpRequest.newBuilder(URI.create(
                master.baseUrl() + "/api/v1/sync/pull?since=0&limit=" + limit + "&format=2")).header("Accept-Encoding", "gzip").GET());
        assertThat(answer.headers().firstValue("Content-Encoding")).hasValue("gzip");
        return answer.body();
    }

    private static HttpResponse<byte[]> send(RunningMaster master, PairedDevice phone, HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + phone.token()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
