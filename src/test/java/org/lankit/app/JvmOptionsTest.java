package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmOptionsTest {

    @TempDir
    Path dir;

    @Test
    void a_first_run_records_the_class_data_archive_and_the_runs_after_it_map_it() throws Exception {
        Path jar = Files.write(dir.resolve("lankit.jar"), new byte[1234]);
        Path runtime = dir.resolve("runtime");

        assertThat(JvmOptions.forRun(jar, runtime, true)).containsAll(JvmOptions.BOUNDS)
                .contains(JvmOptions.MARK, "-XX:+RecordDynamicDumpInfo", "-Dlankit.cds=" + runtime.resolve("lankit-1234-" + System.getProperty("java.vm.version") + ".jsa"))
                .noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
        assertThat(runtime).isDirectory();

        Files.write(runtime.resolve("lankit-1234-" + System.getProperty("java.vm.version") + ".jsa"), new byte[1]);
        assertThat(JvmOptions.forRun(jar, runtime, true)).containsAll(JvmOptions.BOUNDS)
                .contains("-XX:SharedArchiveFile=" + runtime.resolve("lankit-1234-" + System.getProperty("java.vm.version") + ".jsa"), JvmOptions.QUIET_CDS)
                .doesNotContain("-XX:+RecordDynamicDumpInfo");
    }

    @Test
    void without_a_runtime_folder_the_jvm_is_still_bounded_only_without_an_archive() throws Exception {
        Path jar = Files.write(dir.resolve("lankit.jar"), new byte[10]);
        Path notAFolder = Files.write(dir.resolve("file"), new byte[1]);

        assertThat(JvmOptions.forRun(jar, notAFolder.resolve("runtime"), true)).containsAll(JvmOptions.BOUNDS).contains(JvmOptions.MARK)
                .noneMatch(o -> o.contains("Archive") || o.contains("DynamicDump") || o.contains("lankit.cds"));
    }

    @Test
    void a_jdk_without_its_own_class_data_archive_gets_the_bounds_only() throws Exception {
        Path jar = Files.write(dir.resolve("lankit.jar"), new byte[10]);

        List<String> bounded = new ArrayList<>(JvmOptions.BOUNDS);
        bounded.add(JvmOptions.MARK);

        assertThat(JvmOptions.forRun(jar, dir.resolve("runtime"), false)).containsExactlyElementsOf(bounded);
    }
}
