package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RawHttp;
import org.lankit.testkit.RawHttp.Answer;
import org.lankit.testkit.RunningMaster;

/**
 * The rate limit holds back floods, not catch-up: a device walking the changes feed page after
 * page is served every page, while asking one page again and again still meets 429. The limit is
 * low (2 a second, bursts of 10), so without the free next page the walk of 60 pages would be
 * told to wait after about 10.
 */
class CatchUpRateLimitTest {

    private static final int ENTRIES = 300;
    private static final int PAGE = 5;

    @TempDir
    Path dataDir;
    private RunningMaster master;
    private PairedDevice phone;

    @BeforeEach
    void start() throws Exception {
        master = RunningMaster.start(dataDir, 0, HubConfig.defaults().withAnnouncement(false).withRateLimit(2, 10));
        HlcClock clock = HlcClock.system("phone0");
        master.store().write(w -> {
            for (int i = 0; i < ENTRIES; i++) w.commitMasterChange(Entries.household(clock, "R" + i, 1 + i % 50), "phone0");
            return null;
        });
        phone = master.pair("Phone");
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void a_device_catching_up_page_by_page_is_served_every_page_while_asking_the_same_page_again_meets_429() throws Exception {
        PairedDevice laptop = master.pair("Laptop");
        for (String format : new String[] {"1", "2"}) {
            PairedDevice walker = format.equals("1") ? laptop : phone;
            long since = 0;
            int pages = 0;
            int entries = 0;
            while (true) {
                Answer page = pull(walker, since, format);
                assertThat(page.status()).as("page %d of the walk in format %s", pages + 1, format).isEqualTo(200);
                pages++;
                entries += page.json().path("entries").size();
                since = page.json().path("lastSeq").asLong();
                if (!page.json().path("more").asBoolean()) break;
            }
            assertThat(entries).isEqualTo(ENTRIES);
            assertThat(pages).isEqualTo(ENTRIES / PAGE);
        }

        Answer refused = null;
        for (int i = 0; i < 300 && refused == null; i++) {
            Answer again = pull(phone, 0, "2");
            if (again.status() == 429) refused = again;
        }
        assertThat(refused).as("the same page asked again and again").isNotNull();
        assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void walking_the_feed_again_from_the_start_pays_for_every_page() {
        long since = 0;
        while (true) {
            Answer page = pull(phone, since, "2");
            assertThat(page.status()).isEqualTo(200);
            since = page.json().path("lastSeq").asLong();
            if (!page.json().path("more").asBoolean()) break;
        }

        int served = 0;
        Answer refused = null;
        for (long again = 0; refused == null && served < ENTRIES / PAGE; served++) {
            Answer page = pull(phone, again, "2");
            if (page.status() == 429) refused = page;
            else again = page.json().path("lastSeq").asLong();
        }
        assertThat(refused).as("a second walk over ground already served, %d pages in", served).isNotNull();
    }

    @Test
    void the_next_page_is_free_once_then_asking_it_again_pays_like_any_request() throws Exception {
        Answer first = pull(phone, 0, "1");
        long next = first.json().path("lastSeq").asLong();
        assertThat(first.json().path("more").asBoolean()).isTrue();
        Answer refused = null;
        for (int i = 0; i < 300 && refused == null; i++) {
            Answer again = pull(phone, next, "1");
            if (again.status() == 429) refused = again;
        }
        assertThat(refused).as("the next page asked again and again").isNotNull();
        PairedDevice calm = master.pair("Calm phone");
        assertThat(pull(calm, 0, "1").status()).as("another device is served as usual").isEqualTo(200);
    }

    private Answer pull(PairedDevice device, long since, String format) {
        return RawHttp.get(master.baseUrl() + "/api/v1/sync/pull?since=" + since + "&limit=" + PAGE + "&format=" + format,
                device.token());
    }
}
