package org.lankit.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The panel's one worker thread: every store, network and file call runs here, never on the
 * event thread, one at a time in the order asked. Results and problems come back on the event
 * thread. Problems are shown in plain words; the details go to the log file only.
 */
final class Background implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Background.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lankit-panel-work");
        t.setDaemon(true);
        return t;
    });
    private final StatusBar status;

    Background(StatusBar status) {
        this.status = status;
    }

    /** Runs {@code work}; a problem is shown in the status bar as "{@code doing}: what went wrong". */
    <T> void run(String doing, Callable<T> work, Consumer<T> onDone) {
        call(work, onDone, problem -> status.problem(Text.get("problems.while", doing, problem)));
    }

    /** Runs {@code work}; exactly one of {@code onDone} and {@code onProblem} follows, on the event thread. */
    <T> void call(Callable<T> work, Consumer<T> onDone, Consumer<String> onProblem) {
        requireUiThread();
        if (worker.isShutdown()) return; // the window is closing: nothing is shown any more
        worker.execute(() -> {
            try {
                T result = work.call();
                SwingUtilities.invokeLater(() -> onDone.accept(result));
            } catch (Exception | LinkageError e) {
                LOG.warn("panel task failed", e);
                String words = Problems.words(e);
                SwingUtilities.invokeLater(() -> onProblem.accept(words));
            }
        });
    }

    static void requireUiThread() {
        if (!SwingUtilities.isEventDispatchThread()) throw new IllegalStateException("must run on the Swing event thread");
    }

    /** Waits briefly for running work (a save in progress) and stops the thread. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) worker.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
