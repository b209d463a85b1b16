package org.lankit.pwa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Request;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.lankit.sync.Json;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.WireVectors;

/**
 * The phone's wire.js against the shared vectors, in real Chromium (the master's codec passes the
 * same ones in EntryWireVectorsTest): both forms read to the same entry, the compact form is
 * written as the vectors say, and what the master refuses the phone refuses too, in the same
 * words, except what devices take from a master's answer (unknown properties, loose numbers).
 */
class PhoneWireTest extends PhoneTestBase {

    private static final String RUN = """
            async (text) => {
              const { fromWire, toCompact } = await import('/wire.js');
              const vectors = JSON.parse(text);
              const canonical = (v) => JSON.stringify(v, (k, x) => (x && typeof x === 'object' && !Array.isArray(x)
                ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x));
              const wrong = [];
              let checked = 0;
              for (const c of vectors.decode) {
                const got = fromWire(c.input);
                if (canonical(got) !== canonical(c.entry)) wrong.push(`${c.name}: ${canonical(got)}`);
                checked++;
              }
              for (const c of vectors.encode) {
                const got = toCompact(c.entry);
                if (canonical(got) !== canonical(c.v2)) wrong.push(`${c.name}: ${canonical(got)}`);
                if (canonical(fromWire(got)) !== canonical(fromWire(c.entry))) wrong.push(`${c.name}: does not read back`);
                checked++;
              }
              for (const c of vectors.invalid) {
                let said = null;
                try { fromWire(c.input); } catch (e) { said = e.message; }
                const expected = c.phone === 'refuses' ? c.error : null;
                if (said !== expected) wrong.push(`${c.name}: ${said}`);
                checked++;
              }
              return { wrong, checked };
            }""";

    @Test
    void a_saved_entry_goes_to_the_master_compact_gzipped_and_with_one_clock_and_pulls_ask_for_the_compact_form() throws Exception {
        PhoneApp app = PhoneApp.open(phone, master);
        List<Request> pushes = new CopyOnWriteArrayList<>();
        List<String> pulls = new CopyOnWriteArrayList<>();
        // the page's sync loop and the service worker's background push both send it
        phone.onRequest(r -> {
            if (r.url().contains("/api/v1/sync/push")) pushes.add(r);
            if (r.url().contains("/api/v1/sync/pull")) pulls.add(r.url());
        });
        app.joinWithQr("Amina");

        app.saveHousehold("Grace", "4");

        Eventually.within(Duration.ofSeconds(20), "the entry to reach the master", () -> master.store().entryCount() == 1);
        // Playwright hands events to the test only inside its own calls: wait in one for the push's
        app.page.waitForCondition(() -> !pushes.isEmpty());
        Request push = pushes.get(0);
        assertThat(push.headers()).containsEntry("content-encoding", "gzip");
        JsonNode entry = Json.MAPPER.readTree(gunzip(push.postDataBuffer())).at("/entries/0");
        assertThat(entry.path("values").path("respondent").asText()).isEqualTo("Grace");
        assertThat(entry.has("clocks")).as("one clock for the save: " + entry).isFalse();
        assertThat(entry.toString()).doesNotContain("\"by\"");
        assertThat(pulls).isNotEmpty().allMatch(url -> url.contains("format=2"));
        assertThat(app.pageErrors).isEmpty();
    }

    @Test
    void the_phone_reads_and_writes_both_forms_as_the_shared_vectors_say() {
        PhoneApp app = PhoneApp.open(phone, master);
        app.page.navigate(master.baseUrl() + "/");

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) app.page.evaluate(RUN, WireVectors.text());

        assertThat((List<?>) result.get("wrong")).isEmpty();
        assertThat(((Number) result.get("checked")).intValue()).isEqualTo(WireVectors.all().path("decode").size()
                + WireVectors.all().path("encode").size() + WireVectors.all().path("invalid").size());
        assertThat(app.pageErrors).isEmpty();
    }

    private static byte[] gunzip(byte[] packed) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            return in.readAllBytes();
        }
    }
}
