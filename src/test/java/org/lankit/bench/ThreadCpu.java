package org.lankit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of this process's threads by kind (the kernel's thread name without its numbers:
 * "GC Thread#", "C2 CompilerThre", "qtp-"), from {@code /proc/self/task}: it shows the time the
 * JVM spends on garbage collection and compiling next to the request threads. Linux only.
 */
final class ThreadCpu {

    private ThreadCpu() {
    }

    /** Clock ticks used so far, by thread kind. */
    static Map<String, Long> byKind() {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "");
                    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(after[11]) + Long.parseLong(after[12]), Long::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return ticks;
    }

    /** "kind=ms,kind=ms" of the CPU used since {@code before}, most first (threads that ended are missed). */
    static String since(Map<String, Long> before) {
        return byKind().entrySet().stream()
                // Linux counts 100 ticks a second: 10 ms each
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) * 10))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey().replace(' ', '_').replace(',', '_') + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
