package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lankit.sync.Entry;
import org.lankit.sync.Hlc;

/** A phone whose clock jumped a day ahead after it joined: the master refuses its stamps, the phone stamps again, nothing is lost. */
class PhoneClockAheadTest extends PhoneTestBase {

    private static final long DAY_MS = 86_400_000L;

    @Test
    void an_entry_saved_on_a_phone_a_day_ahead_reaches_the_master_with_the_masters_time() {
        phone.addInitScript("(() => { const real = Date.now; Date.now = () => real.call(Date) + (globalThis.lankitSkew ?? 0); })()");
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        app.page.evaluate("globalThis.lankitSkew = " + DAY_MS);

        app.saveHousehold("Saved a day ahead", "2");
        app.openEntries();

        assertThat(app.badge("Saved a day ahead")).hasText("Synced");
        Entry stored = master.store().recent(0, 1).get(0).entry();
        long masterNow = master.kit().identity().clock().physicalNow();
        assertThat(stored.fields().get("respondent").value().asText()).isEqualTo("Saved a day ahead");
        assertThat(stored.createdAt()).isCloseTo(masterNow, within(60_000L));
        stored.fields().values().forEach(v -> assertThat(Hlc.parse(v.hlc()).wallMs()).isCloseTo(masterNow, within(60_000L)));
        app.assertNoScriptErrors();
    }
}
