package org.lankit.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.KitOptions;
import org.lankit.app.MasterKit;
import org.lankit.hub.HubConfig;
import org.lankit.peer.MasterClient;
import org.lankit.store.KitStore;
import org.lankit.sync.DefaultForm;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Protocol.UpstreamStatus;
import org.lankit.testkit.Entries;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.OpenRosaServer;
import org.lankit.testkit.OpenRosaServer.Fault;
import org.lankit.testkit.OpenRosaServer.Stored;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;
import org.lankit.upstream.UploaderConfig;

/**
 * The real master uploads to an OpenRosa server (ODK Central style, token in the address) that
 * flaps: 500s, connections dropped before and after it stored the instance, answers slower than
 * the timeout. Then a fifth of the entries are edited on the master. Every revision must reach
 * the server exactly once, and every edit as an instance whose deprecatedID names the one before.
 */
class OpenRosaUploadFlappingTest {

    private static final int ENTRIES = 500;
    private static final int EDITED = 100;
    private static final long SEED = 20261203L;
    private static final HlcClock PHONE = HlcClock.system("phone1");

    @TempDir
    Path dataDir;

    @Test
    void every_entry_and_every_edit_reaches_a_flapping_openrosa_server_exactly_once() throws Exception {
        System.out.println("OpenRosaUploadFlappingTest seed " + SEED);
        UploaderConfig config = UploaderConfig.defaults()
                .withRetryDelays(Duration.ofMillis(5), Duration.ofMillis(50), 0.1)
                .withRequestTimeout(Duration.ofMillis(400))
                .withBreaker(50, Duration.ofMillis(300))
                .withProbeInterval(Duration.ofMillis(100))
                .withBatch(25, 1024 * 1024);
        try (OpenRosaServer server = OpenRosaServer.start("/v1/key/Fl4p$TokenAbCdEfGhIjKlMnOpQrStUvWxYz0123/projects/1")
                     .publish(DefaultForm.ID, "2026120301").faultRate(0.4, SEED).slowBy(800);
             KitStore store = KitStore.open(dataDir)) {
            List<Entry> entries = seed(store);
            KitOptions options = new KitOptions(true, null, 0, dataDir, "Flap team", "TEST-CODE", null, null, null)
                    .withBind("127.0.0.1");
            try (MasterKit kit = MasterKit.start(store, options, HubConfig.defaults().withAnnouncement(false)
                    .withAddress("127.0.0.1", 0), config)) {
                kit.uploads().configure(List.of(new TargetSettings(TargetSettings.MAIN, TargetKind.OPENROSA,
                        new ApiTarget(URI.create(server.url()), ""), Map.of())));
                MasterClient device = new MasterClient("http://127.0.0.1:" + kit.hub().port(), null);
                device.pair("TEST-CODE", "Watcher", "phone");
                Eventually.within(Duration.ofSeconds(240), () -> "all entries on the server: " + kit.uploads().status(),
                        () -> server.currentInstances().size() == ENTRIES && kit.uploads().status().pending() == 0);

                edit(store, entries.subList(0, EDITED));
                Eventually.within(Duration.ofSeconds(240), () -> "all edits on the server: " + kit.uploads().status(),
                        () -> server.instanceCount() >= ENTRIES + EDITED && kit.uploads().status().pending() == 0);

                UpstreamStatus upstream = device.status().upstream();
                System.out.printf("faults: 500 %d, slow %d, reset before storing %d, reset after storing %d, clean %d;"
                                + " submissions %d, duplicates answered %d, form lists %d%n",
                        server.faultCount(Fault.ERROR_500), server.faultCount(Fault.SLOW), server.faultCount(Fault.RESET_BEFORE_STORING),
                        server.faultCount(Fault.RESET_AFTER_STORING), server.faultCount(Fault.NONE), server.submissionCount(),
                        server.duplicateCount(), server.formListCount());
                assertThat(upstream.pending()).isZero();
                assertThat(upstream.failed()).isZero();
                assertThat(upstream.synced()).isEqualTo(ENTRIES);
            }
            assertThat(server.violations()).as("requests that broke the OpenRosa spec").isEmpty();
            for (Fault fault : List.of(Fault.ERROR_500, Fault.SLOW, Fault.RESET_BEFORE_STORING, Fault.RESET_AFTER_STORING)) {
                assertThat(server.faultCount(fault)).as(fault.name()).isPositive();
            }
            assertThat(server.duplicateCount()).as("tries after a lost answer, answered as duplicates").isPositive();
            assertThat(server.instanceCount()).as("one instance per revision, none twice").isEqualTo(ENTRIES + EDITED);

            Map<String, Stored> current = server.currentInstances().stream()
                    .collect(Collectors.toMap(s -> s.fields().get("respondent"), Function.identity()));
            assertThat(current).as("one current instance per entry, none lost").hasSize(ENTRIES);
            for (int i = 0; i < ENTRIES; i++) {
                boolean edited = i < EDITED;
                Stored now = current.get(respondent(i) + (edited ? " (edited)" : ""));
                assertThat(now).as("entry " + i).isNotNull();
                if (edited) {
                    assertThat(now.deprecatedId()).as("edit " + i + " replaces the instance before it").isNotNull();
                    assertThat(server.instance(now.deprecatedId()).fields()).containsEntry("respondent", respondent(i));
                } else {
                    assertThat(now.deprecatedId()).isNull();
                }
            }
        }
    }

    private static String respondent(int i) {
        return "Respondent " + i;
    }

    private static List<Entry> seed(KitStore store) {
        return store.write(w -> {
            List<Entry> out = new ArrayList<>();
            for (int i = 0; i < ENTRIES; i++) {
                Entry e = Entries.household(PHONE, respondent(i), 1 + i % 50);
                out.add(e.withSeq(w.commitMasterChange(e, "phone1")));
            }
            return out;
        });
    }

    private static void edit(KitStore store, List<Entry> entries) {
        store.write(w -> {
            for (Entry e : entries) {
                Map<String, FieldValue> fields = new HashMap<>(e.fields());
                String was = e.fields().get("respondent").value().asText();
                fields.put("respondent", FieldValue.stored(TextNode.valueOf(was + " (edited)"), PHONE.now()));
                w.commitMasterChange(e.withFields(fields, null), "phone1");
            }
            return null;
        });
    }
}
