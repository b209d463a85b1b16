package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One dependency direction: the panel uses the kit's API, the kit reaches the panel only through {@link KitWindow}. */
class AppDoesNotImportUiTest {

    private static final Path APP = Path.of("src", "main", "java", "org", "lankit", "app");

    @Test
    void no_file_in_app_names_the_ui_package() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(APP)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertThat(sources).as("the app sources were found").hasSizeGreaterThan(10);
        List<String> offenders = sources.stream().filter(AppDoesNotImportUiTest::namesUi).map(f -> f.getFileName().toString()).toList();
        assertThat(offenders).as("files in app that import or name org.lankit.ui").isEmpty();
    }

    @Test
    void the_panel_is_listed_for_the_service_loader() throws IOException {
        Path services = Path.of("src", "main", "resources", "META-INF", "services", KitWindow.Opener.class.getName());
        assertThat(Files.readString(services).strip()).isEqualTo("org.lankit.ui.PanelOpener");
    }

    private static boolean namesUi(Path file) {
        try {
            return Files.readString(file).contains("org.lankit.ui");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
