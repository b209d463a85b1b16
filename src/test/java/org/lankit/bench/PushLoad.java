package org.lankit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.lankit.peer.MasterError;
import org.lankit.sync.Entry;
import org.lankit.sync.Protocol.PushResponse;
import org.lankit.sync.PushStatus;
import org.lankit.testkit.PairedDevice;

/**
 * Devices pushing prepared batches at once, as fast as the master lets them: a device told to
 * slow down (429) waits what the answer's Retry-After says, as the phone and the client laptop do.
 */
final class PushLoad {

    private PushLoad() {
    }

    /** Entries per second accepted when the devices push about {@code total} entries between them (whole batches of {@code batch}). */
    static double run(List<PairedDevice> devices, int batch, int total) throws Exception {
        int perDevice = total / devices.size();
        int sent = 0;
        List<List<List<Entry>>> work = new ArrayList<>();
        for (PairedDevice d : devices) {
            List<List<Entry>> batches = new ArrayList<>();
            for (int own = 0; own < perDevice; own += batch) batches.add(BenchEntries.batch(d.clock(), batch));
            sent += batches.size() * batch;
            work.add(batches);
        }
        ExecutorService pool = Executors.newFixedThreadPool(devices.size(), daemon());
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < devices.size(); i++) {
                PairedDevice d = devices.get(i);
                List<List<Entry>> batches = work.get(i);
                running.add(pool.submit(() -> {
                    for (List<Entry> b : batches) accepted(politely(() -> d.client().push(b)));
                    return null;
                }));
            }
            for (Future<?> f : running) f.get(10, TimeUnit.MINUTES);
            return sent / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Calls the master; on 429 waits the Retry-After (at least 50 ms) and asks again. */
    static <T> T politely(Callable<T> call) throws Exception {
        while (true) {
            try {
                return call.call();
            } catch (MasterError e) {
                if (e.status() != 429) throw e;
                Thread.sleep(Math.max(50, e.retryAfterSeconds() * 1000));
            }
        }
    }

    private static void accepted(PushResponse answer) {
        for (var r : answer.results()) {
            if (r.status() != PushStatus.APPLIED) throw new IllegalStateException("the master did not accept an entry: " + r);
        }
    }

    static ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        };
    }
}
