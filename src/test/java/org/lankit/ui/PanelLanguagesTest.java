package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A team that reads French sees the whole panel in French: no key missing, none left over, the same
 * blanks. The same holds for every language a team adds (each {@code panel_xx.properties} found).
 */
class PanelLanguagesTest {

    private static final Pattern USED = Pattern.compile("Text\\.(?:get|plural)\\(\\s*\"([^\"]+)\"");
    private static final Pattern BLANK = Pattern.compile("\\{\\d+}");

    @AfterEach
    void english_again() {
        Text.use(Locale.ENGLISH);
    }

    @Test
    void french_has_every_english_key_with_the_same_blanks_and_nothing_else() throws IOException {
        hasEveryEnglishKeyWithTheSameBlanks("panel_fr.properties");
    }

    @Test
    void every_added_language_has_every_english_key_with_the_same_blanks_and_nothing_else() throws IOException {
        List<String> languages;
        try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "org", "lankit", "ui", "text"))) {
            languages = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("panel_[a-zA-Z_]+\\.properties")).sorted().toList();
        }
        assertThat(languages).as("language files").contains("panel_fr.properties");
        for (String file : languages) hasEveryEnglishKeyWithTheSameBlanks(file);
    }

    private static void hasEveryEnglishKeyWithTheSameBlanks(String file) throws IOException {
        Properties english = words("panel.properties");
        Properties language = words(file);
        assertThat(language.stringPropertyNames()).as("keys in " + file)
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(language.getProperty(key)).as(key + " in " + file).isNotBlank();
            assertThat(blanks(language.getProperty(key))).as("blanks of " + key + " in " + file).isEqualTo(blanks(english.getProperty(key)));
        }
    }

    @Test
    void every_key_the_panel_asks_for_exists_in_english() throws IOException {
        Properties english = words("panel.properties");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java", "org", "lankit", "ui"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = USED.matcher(Files.readString(source));
                while (m.find()) used.add(m.group(1));
            }
        }
        Set<String> missing = new TreeSet<>();
        for (String key : used) {
            boolean counted = english.containsKey(key + ".one") && english.containsKey(key + ".other");
            if (!english.containsKey(key) && !counted) missing.add(key);
        }
        assertThat(missing).as("keys the panel uses that panel.properties lacks").isEmpty();
    }

    @Test
    void the_panel_speaks_the_systems_language_and_english_elsewhere() {
        Text.use(Locale.FRANCE);
        assertThat(Text.get("language.name")).isEqualTo("Français");
        Text.use(new Locale("zu"));
        assertThat(Text.get("language.name")).as("a language without a file falls back to English").isEqualTo("English");
    }

    private static Set<String> blanks(String words) {
        Set<String> found = new TreeSet<>();
        Matcher m = BLANK.matcher(words);
        while (m.find()) found.add(m.group());
        return found;
    }

    private static Properties words(String file) throws IOException {
        Properties words = new Properties();
        try (InputStream in = Text.class.getResourceAsStream("/org/lankit/ui/text/" + file)) {
            assertThat(in).as(file).isNotNull();
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }
}
