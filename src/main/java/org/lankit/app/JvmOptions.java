package org.lankit.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options Lankit runs with. A jar's manifest cannot carry them, so the launchers
 * (launcher/*) pass the same ones, and a plain {@code java -jar lankit.jar} starts itself again
 * with them ({@link Relaunch}).
 * <ul>
 * <li>Bounds: without them the heap may grow to a quarter of the computer's memory under load.</li>
 * <li>A class-data archive (AppCDS) in the runtime folder: a start maps some 5,000 classes instead
 * of reading and checking them from the jar (about a third of its CPU time). The first run asks
 * for one ({@link ClassDataArchive} writes it once the kit runs); the runs after it map it. It is
 * named after the jar's size and the Java build, so a new jar or Java makes a new one; one the JVM
 * cannot use (another jar of the same size) is refused quietly, and replaced.</li>
 * </ul>
 */
final class JvmOptions {

    /** Marks a JVM started with these options (the launchers and a relaunched child set it). */
    static final String MARK = "-Dlankit.jvm=bounded";
    static final List<String> BOUNDS = List.of("-Xms16m", "-Xmx192m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=128m");
    /** An archive the JVM cannot use is no error: run without it, say nothing. */
    static final String QUIET_CDS = "-Xlog:cds=off,cds+dynamic=off";

    private JvmOptions() {
    }

    /**
     * Bounds, mark, and the class-data archive to use or to write, for running this jar. The
     * archive only when this JVM maps the JDK's own one ({@code sharing}): without it a JVM asked
     * to record or map an archive of ours refuses to start.
     */
    static List<String> forRun(Path jar, Path runtimeDir, boolean jdkSharesClasses) {
        List<String> options = new ArrayList<>(BOUNDS);
        options.add(MARK);
        if (!jdkSharesClasses) return options;
        try {
            Path archive = archive(jar, runtimeDir);
            if (Files.isRegularFile(archive)) {
                options.add("-XX:SharedArchiveFile=" + archive);
            } else {
                Files.createDirectories(runtimeDir);
                options.add("-XX:+RecordDynamicDumpInfo");
            }
            options.add(QUIET_CDS);
            options.add("-D" + ClassDataArchive.PROPERTY + "=" + archive);
        } catch (IOException e) {
            // no runtime folder to keep an archive in: the kit starts as it did before, only slower
        }
        return options;
    }

    /** Whether this JVM maps the JDK's class-data archive ("sharing" in {@code java -version}). */
    static boolean jdkSharesClasses() {
        return System.getProperty("java.vm.info", "").contains("sharing");
    }

    /**
     * {@code <runtime folder>/lankit-<jar size in bytes>-<JVM build>.jsa}, as the launchers name it
     * (the build as {@code java -version} shows it): an archive another Java build wrote would stop
     * this one from starting, so a Java update makes a new one.
     */
    static Path archive(Path jar, Path runtimeDir) throws IOException {
        return runtimeDir.resolve("lankit-" + Files.size(jar) + "-" + System.getProperty("java.vm.version") + ".jsa");
    }
}
