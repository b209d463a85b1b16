package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** launcher/lankit.sh: starts the jar with a suitable Java, or says plainly what to install. */
class LinuxLauncherIT {

    @TempDir
    Path fakeBin;
    private final Path script = Path.of("launcher", "lankit.sh").toAbsolutePath();

    @BeforeEach
    void onlyWhereShellScriptsRun() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
    }

    @Test
    void without_java_it_says_which_java_to_install_and_fails() throws Exception {
        // a PATH with the shell tools the script uses, but no java; wrappers, not links, so the
        // temporary folder holds nothing that points outside it
        for (String tool : new String[] {"dirname", "sed", "cut", "head"}) {
            Path real = Path.of("/usr/bin", tool);
            Path wrapper = fakeBin.resolve(tool);
            Files.writeString(wrapper, "#!/bin/sh\nexec " + (Files.exists(real) ? real : Path.of("/bin", tool)) + " \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Result r = run(Map.of("PATH", fakeBin.toString()));
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("Lankit needs Java 17 or newer").contains("no Java");
    }

    @Test
    void with_an_old_java_it_names_the_version_found() throws Exception {
        Path java = fakeBin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'java version \"1.8.0_392\"' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Result r = run(Map.of("PATH", fakeBin + ":/usr/bin:/bin"));
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("Java 17 or newer").contains("1.8.0_392");
    }

    @Test
    void with_java_17_it_starts_the_jar_with_the_given_arguments() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        Result r = run(Map.of("PATH", javaBin + ":/usr/bin:/bin"), "--version");
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).startsWith("lankit ");
    }

    private Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", script.toString());
        for (String a : args) pb.command().add(a);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("LANKIT_NO_DIALOG", "1");
        pb.environment().put("HOME", fakeBin.toString());
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {
    }
}
