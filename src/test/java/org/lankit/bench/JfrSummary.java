package org.lankit.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a flight recording's CPU samples and allocation went: methods at the top of the stack
 * (self time), Lankit methods anywhere on it (inclusive), and allocation sites weighted by bytes.
 * Run alone: {@code JfrSummary <file.jfr>}.
 */
public final class JfrSummary {

    private static final int TOP = 10;

    private final Map<String, Long> self = new HashMap<>();
    private final Map<String, Long> nearestLankit = new HashMap<>();
    private final Map<String, Long> inclusive = new HashMap<>();
    private final Map<String, Long> nativeSelf = new HashMap<>();
    private final Map<String, Long> allocationSites = new HashMap<>();
    private final Map<String, Long> allocationByLankit = new HashMap<>();
    private long samples;
    private long nativeSamples;
    private long allocatedBytes;

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        System.out.print(of(Path.of(args[0])).report());
    }

    static JfrSummary of(Path recording) throws IOException {
        JfrSummary summary = new JfrSummary();
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            switch (e.getEventType().getName()) {
                case "jdk.ExecutionSample" -> summary.sample(e.getStackTrace());
                case "jdk.NativeMethodSample" -> summary.nativeSample(e.getStackTrace());
                case "jdk.ObjectAllocationSample" -> summary.allocation(e.getStackTrace(), e.getLong("weight"));
                default -> { }
            }
        }
        return summary;
    }

    long allocatedBytes() {
        return allocatedBytes;
    }

    private void sample(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) return;
        samples++;
        self.merge(name(stack.getFrames().get(0)), 1L, Long::sum);
        nearestLankit(stack).ifPresent(n -> nearestLankit.merge(n, 1L, Long::sum));
        Set<String> seen = new HashSet<>();
        for (RecordedFrame f : stack.getFrames()) {
            String n = name(f);
            if (n.startsWith("org.lankit.") && seen.add(n)) inclusive.merge(n, 1L, Long::sum);
        }
    }

    /** Threads in native code (ObjectBox, sockets, waiting) as the sampler saw them. */
    private void nativeSample(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) return;
        nativeSamples++;
        nativeSelf.merge(name(stack.getFrames().get(0)), 1L, Long::sum);
    }

    private static Optional<String> nearestLankit(RecordedStackTrace stack) {
        return stack.getFrames().stream().map(JfrSummary::name).filter(n -> n.startsWith("org.lankit.")).findFirst();
    }

    private void allocation(RecordedStackTrace stack, long weight) {
        allocatedBytes += weight;
        if (stack == null || stack.getFrames().isEmpty()) return;
        allocationSites.merge(name(stack.getFrames().get(0)), weight, Long::sum);
        nearestLankit(stack).ifPresent(n -> allocationByLankit.merge(n, weight, Long::sum));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    String report() {
        StringBuilder out = new StringBuilder();
        out.append("CPU samples: ").append(samples).append('\n');
        table(out, "top frames (self)", self, samples, "samples");
        table(out, "CPU samples by nearest Lankit frame (what Lankit code the time was spent for)", nearestLankit, samples, "samples");
        table(out, "Lankit methods on the stack (inclusive)", inclusive, samples, "samples", 25);
        out.append("\nnative samples (threads in native code, running or waiting): ").append(nativeSamples).append('\n');
        table(out, "native top frames", nativeSelf, nativeSamples, "samples");
        out.append(String.format("allocation sampled: %,d bytes%n", allocatedBytes));
        table(out, "allocation sites (top frame)", allocationSites, allocatedBytes, "bytes");
        table(out, "allocation by nearest Lankit frame", allocationByLankit, allocatedBytes, "bytes");
        return out.toString();
    }

    private static void table(StringBuilder out, String title, Map<String, Long> counts, long total, String unit) {
        table(out, title, counts, total, unit, TOP);
    }

    private static void table(StringBuilder out, String title, Map<String, Long> counts, long total, String unit, int rows) {
        out.append("\n").append(title).append('\n');
        List<Map.Entry<String, Long>> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(rows).toList();
        for (Map.Entry<String, Long> e : top) {
            out.append(String.format("  %5.1f%%  %,14d %s  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getValue(), unit, e.getKey()));
        }
    }
}
