package org.lankit.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.sync.DefaultForm;
import org.lankit.sync.Entry;
import org.lankit.testkit.OpenRosaServer;
import org.lankit.testkit.OpenRosaServer.Fault;
import org.lankit.testkit.OpenRosaServer.Stored;

/**
 * The OpenRosa target alone against a flapping OpenRosa server (500s, connections dropped before
 * and after storing, answers slower than the timeout), driven as the uploader drives it: each
 * batch prepared once and sent again, unchanged, until the server's final word. Every entry must
 * arrive once, and every edit as an instance replacing the one delivered before.
 */
class OpenRosaTargetFlappingTest {

    private static final int ENTRIES = 200;
    private static final int EDITED = 50;
    private static final int BATCH = 25;
    private static final long SEED = 20261203L;

    @TempDir
    Path dataDir;

    @Test
    void every_entry_and_every_edit_reaches_a_flapping_openrosa_server_once() throws Exception {
        System.out.println("OpenRosaTargetFlappingTest seed " + SEED);
        try (KitStore store = KitStore.open(dataDir);
             OpenRosaServer server = OpenRosaServer.start("/team").publish(DefaultForm.ID, "7").faultRate(0.4, SEED).slowBy(400)) {
            OpenRosaTarget target = new OpenRosaTarget(new TargetSettings("main", TargetKind.OPENROSA,
                    new ApiTarget(URI.create(server.url()), ""), Map.of()), Duration.ofMillis(200), AttachmentFiles.NONE, FormVersions.NONE);
            List<Entry> entries = UploadTesting.seed(store, ENTRIES);
            Map<String, Outgoing.Delivered> delivered = new HashMap<>();
            int tries = deliverAll(target, outgoing(entries, delivered), delivered);

            List<Entry> edits = new ArrayList<>();
            for (Entry e : entries.subList(0, EDITED)) {
                UploadTesting.edit(store, e);
                edits.add(store.find(e.uuid()).orElseThrow().entry());
            }
            tries += deliverAll(target, outgoing(edits, delivered), delivered);

            System.out.printf("tries %d; faults: 500 %d, slow %d, reset before storing %d, reset after storing %d, none %d;"
                            + " submissions %d, duplicates answered %d%n", tries, server.faultCount(Fault.ERROR_500),
                    server.faultCount(Fault.SLOW), server.faultCount(Fault.RESET_BEFORE_STORING),
                    server.faultCount(Fault.RESET_AFTER_STORING), server.faultCount(Fault.NONE),
                    server.submissionCount(), server.duplicateCount());
            assertThat(server.violations()).isEmpty();
            assertThat(List.of(Fault.ERROR_500, Fault.SLOW, Fault.RESET_BEFORE_STORING, Fault.RESET_AFTER_STORING))
                    .allSatisfy(f -> assertThat(server.faultCount(f)).as(f.name()).isPositive());
            assertThat(server.duplicateCount()).as("answers lost after storing came back as duplicates").isPositive();
            assertThat(server.instanceCount()).as("one instance per revision, none twice").isEqualTo(ENTRIES + EDITED);
            assertThat(server.currentInstances()).hasSize(ENTRIES);
            for (Entry e : entries) {
                Entry now = store.find(e.uuid()).orElseThrow().entry();
                Stored current = server.instance(XFormInstance.instanceIdOf(e.uuid(), now.seq()));
                assertThat(current).as("the latest revision of " + e.uuid()).isNotNull();
                assertThat(server.currentInstances()).contains(current);
                boolean edited = now.seq() != e.seq();
                assertThat(current.deprecatedId()).isEqualTo(edited ? XFormInstance.instanceIdOf(e.uuid(), e.seq()) : null);
                if (edited) assertThat(current.fields()).containsEntry("respondent", "Edited");
            }
        }
    }

    private static List<Outgoing> outgoing(List<Entry> entries, Map<String, Outgoing.Delivered> delivered) {
        return entries.stream().map(e -> new Outgoing(e, delivered.get(e.uuid()))).toList();
    }

    /** Batches of 25, each prepared once and sent until the server's final word; returns the tries. */
    private static int deliverAll(OpenRosaTarget target, List<Outgoing> all, Map<String, Outgoing.Delivered> delivered)
            throws InterruptedException {
        int tries = 0;
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Outgoing> part = all.subList(from, Math.min(all.size(), from + BATCH));
            Batch batch = new Batch("batch-" + from, part.stream().map(o -> new Batch.Item(o.entry().uuid(), o.entry().seq())).toList(),
                    target.prepare(part));
            ApiAnswer answer = null;
            while (answer == null) {
                tries++;
                try {
                    answer = target.send(batch).get();
                } catch (ExecutionException e) {
                    assertThat(Failures.isRetryable(e)).as("retryable: " + e.getCause()).isTrue();
                }
            }
            assertThat(answer.isAccepted()).isTrue();
            assertThat(answer.rejected()).isEmpty();
            assertThat(answer.refs()).hasSize(part.size());
            for (Outgoing o : part) delivered.put(o.entry().uuid(), new Outgoing.Delivered(o.entry().seq(), answer.refs().get(o.entry().uuid())));
        }
        return tries;
    }
}
