package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.PushResult;
import org.lankit.sync.PushStatus;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.PastClocks;
import org.lankit.testkit.RunningMaster;

/**
 * A hostile laptop pushes one entry of the team many times per batch, with old clocks and empty
 * bases, so that every copy would lose to the stored value and wait as a conflict. The entry stays
 * small, its open conflicts few, and another device's push is answered at once meanwhile.
 */
class ConflictAmplificationTest {

    private static final int COPIES = 500;

    @TempDir
    Path dataDir;
    private RunningMaster master;
    private PairedDevice amina;
    private PairedDevice mallory;
    private Entry aminasEntry;

    @BeforeEach
    void aminaHasMadeAnEntry() throws IOException {
        master = RunningMaster.start(dataDir);
        amina = master.pair("Amina's phone");
        mallory = PastClocks.pairClient(master, "Mallory's laptop");
        aminasEntry = Entries.household(amina.clock(), "Grace", 4);
        assertThat(amina.client().push(List.of(aminasEntry)).results().get(0).status()).isEqualTo(PushStatus.APPLIED);
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void the_same_uuid_twice_in_one_push_is_refused_for_that_entry_and_the_rest_of_the_batch_applies() throws Exception {
        HlcClock old = PastClocks.behind(mallory.deviceId(), Duration.ofDays(3));
        Entry own = Entries.household(mallory.clock(), "Mallory's own visit", 2);

        List<PushResult> results = mallory.client().push(List.of(copy(old, "Nobody"), own, copy(old, "Nobody"))).results();

        assertThat(results.get(0).status()).isEqualTo(PushStatus.REJECTED);
        assertThat(results.get(0).error()).isEqualTo("duplicate_uuid");
        assertThat(results.get(0).detail()).contains("more than once");
        assertThat(results.get(2).error()).isEqualTo("duplicate_uuid");
        assertThat(results.get(1).status()).isEqualTo(PushStatus.APPLIED);
        assertThat(stored().conflicts()).isEmpty();
    }

    @Test
    void copies_of_one_value_from_one_device_are_one_conflict_however_often_they_come() throws Exception {
        HlcClock old = PastClocks.behind(mallory.deviceId(), Duration.ofDays(3));
        for (int push = 0; push < 60; push++) {
            mallory.client().push(List.of(copy(old, "Nobody")));
        }
        for (int push = 0; push < 20; push++) {
            mallory.client().push(List.of(copy(old, "Nobody " + push)));
        }

        Entry stored = stored();
        assertThat(stored.fields().get("respondent").value().asText()).isEqualTo("Grace");
        assertThat(stored.conflicts()).as("one open conflict per device and field: its latest value")
                .singleElement().satisfies(c -> assertThat(c.value().asText()).isEqualTo("Nobody 19"));
        assertThat(Json.MAPPER.writeValueAsString(stored).length()).isLessThan(20_000);
    }

    @Test
    void a_phones_one_entry_push_is_answered_within_a_second_while_a_laptop_floods_the_master() throws Exception {
        AtomicBoolean flooding = new AtomicBoolean(true);
        List<Long> floodMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger floodTimeouts = new AtomicInteger();
        ExecutorService flood = Executors.newFixedThreadPool(4);
        List<Future<?>> floods = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            HlcClock old = PastClocks.behind(mallory.deviceId(), Duration.ofDays(3 + t));
            floods.add(flood.submit(() -> {
                for (int push = 0; push < 6 && flooding.get(); push++) {
                    // the same uuid 500 times, then 500 copies one by one in a batch of 500 entries
                    List<Entry> batch = new ArrayList<>(COPIES);
                    if (push % 2 == 0) {
                        for (int i = 0; i < COPIES; i++) batch.add(copy(old, "Nobody"));
                    } else {
                        batch.add(copy(old, "Nobody"));
                        for (int i = 1; i < COPIES; i++) batch.add(Entries.household(old, "Nobody " + i, 1));
                    }
                    long start = System.nanoTime();
                    try {
                        mallory.client().push(batch);
                    } catch (IOException timedOut) {
                        floodTimeouts.incrementAndGet();
                    }
                    floodMillis.add((System.nanoTime() - start) / 1_000_000);
                }
                return null;
            }));
        }
        long slowest = 0;
        try {
            for (int i = 0; i < 5; i++) {
                Thread.sleep(300);
                Entry visit = Entries.household(amina.clock(), "Visit " + i, 3);
                long start = System.nanoTime();
                try {
                    assertThat(amina.client().push(List.of(visit)).results().get(0).status()).isEqualTo(PushStatus.APPLIED);
                } finally {
                    slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
                }
            }
        } finally {
            flooding.set(false);
            flood.shutdown();
            assertThat(flood.awaitTermination(180, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> f : floods) f.get();
        Entry stored = stored();
        System.out.printf("flood: %d pushes of %d copies (%d timed out), slowest %d ms; phone's slowest push %d ms; entry %d bytes, %d conflicts%n",
                floodMillis.size(), COPIES, floodTimeouts.get(), floodMillis.stream().mapToLong(Long::longValue).max().orElse(0), slowest,
                Json.MAPPER.writeValueAsString(stored).length(), stored.conflicts().size());
        assertThat(slowest).as("the phone's push while the laptop floods, ms").isLessThan(1_000);
        assertThat(stored.conflicts()).hasSizeLessThanOrEqualTo(1);
    }

    /** Amina's entry as Mallory sends it: her own value for the respondent, an old clock, an empty base. */
    private Entry copy(HlcClock old, String respondent) {
        Map<String, FieldValue> fields = new TreeMap<>(aminasEntry.fields());
        fields.put("respondent", FieldValue.edit(TextNode.valueOf(respondent), old.now(), ""));
        return aminasEntry.forPush().withFields(fields, null);
    }

    private Entry stored() {
        return master.store().find(aminasEntry.uuid()).orElseThrow().entry();
    }
}
