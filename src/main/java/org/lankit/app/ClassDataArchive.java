package org.lankit.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the class-data archive named by {@code -Dlankit.cds=<file>} (see {@link JvmOptions}) fit:
 * once the kit has run for a while, writes it when missing (the JVM was started with
 * {@code -XX:+RecordDynamicDumpInfo}), so it holds the classes a start needs, and a run that only
 * prints its version or a usage error writes none; deletes it when it is older than the jar (a
 * new jar of the same size: the JVM refused it), so the next start writes a new one. Written to a
 * temporary name, tried by a JVM, and moved into place, so a start never maps half a file or one
 * its JVM cannot use.
 */
final class ClassDataArchive {

    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);
    static final String PROPERTY = "lankit.cds";
    private static final long AFTER_START_MS = 10_000;

    private ClassDataArchive() {
    }

    /** Called when the kit has started: writes the archive in the background, if one was asked for. */
    static void writeSoonIfAsked() {
        String target = System.getProperty(PROPERTY);
        if (target == null) return;
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(AFTER_START_MS);
                Path archive = Path.of(target);
                if (!Files.exists(archive)) {
                    write(archive);
                } else if (olderThanJar(archive)) {
                    Files.delete(archive);
                    LOG.info("class-data archive older than the jar deleted: the next start writes a new one");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                LOG.info("class-data archive not checked ({})", e.toString());
            }
        }, "lankit-class-data-archive");
        writer.setDaemon(true);
        writer.start();
    }

    private static boolean olderThanJar(Path archive) throws IOException {
        var jar = RunningJar.path();
        return jar.isPresent() && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar.get())) < 0;
    }

    /** An archive a JVM cannot map stops it from starting: try it once before any start is given it. */
    private static boolean thisJavaStartsWith(Path archive) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process trial = new ProcessBuilder(java, JvmOptions.QUIET_CDS, "-XX:SharedArchiveFile=" + archive, "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return trial.waitFor(30, TimeUnit.SECONDS) && trial.exitValue() == 0;
    }

    private static void write(Path archive) {
        Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmCds",
                    new Object[] {new String[] {"dynamic_dump", partial.toString()}}, new String[] {String[].class.getName()});
            if (!Files.isRegularFile(partial)) throw new IllegalStateException("the JVM wrote no archive");
            if (!thisJavaStartsWith(partial)) throw new IllegalStateException("a JVM given the archive did not start");
            try (var old = Files.newDirectoryStream(archive.getParent(), "lankit-*.jsa")) {
                for (Path p : old) Files.deleteIfExists(p);
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("class-data archive for faster starts written to {}", archive);
        } catch (Exception e) {
            // only the next starts' speed depends on it
            LOG.info("no class-data archive written ({})", e.toString());
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a leftover partial file is never used: the JVM is only given the final name
            }
        }
    }
}
