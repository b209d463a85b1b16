package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The launchers start the JVM as a plain {@code java -jar} would restart itself: same bounds, same archive. */
class LauncherOptionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"lankit.sh", "lankit.command", "lankit.bat"})
    void each_launcher_passes_the_jars_jvm_options(String launcher) throws Exception {
        String script = Files.readString(Path.of("launcher", launcher));
        assertThat(script).contains(JvmOptions.BOUNDS).contains(JvmOptions.MARK, JvmOptions.QUIET_CDS, "-XX:+RecordDynamicDumpInfo",
                "-XX:SharedArchiveFile=", "-D" + ClassDataArchive.PROPERTY + "=", "lankit-", ".jsa");
    }
}
