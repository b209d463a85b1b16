package org.lankit.pwa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lankit.testkit.WireVectors;

/**
 * The phone's wire.js against the shared vectors, in real Chromium (the master's codec passes the
 * same ones in EntryWireVectorsTest): both forms read to the same entry, the compact form is
 * written as the vectors say, and what the master refuses the phone refuses too, in the same
 * words, except what devices take from a master's answer (unknown properties, loose numbers).
 */
class PhoneWireVectorsTest extends PhoneTestBase {

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
}
