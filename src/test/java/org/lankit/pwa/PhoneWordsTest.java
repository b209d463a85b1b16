package org.lankit.pwa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lankit.sync.Json;

/**
 * The phone's words (web-assets/i18n, read by words.js): every language has exactly English's
 * keys with the same blanks, every language file is listed, and every key the pages and scripts
 * name exists in English.
 */
class PhoneWordsTest {

    private static final Path ASSETS = Path.of("web-assets");
    private static final Path WORDS = ASSETS.resolve("i18n");
    private static final Pattern BLANK = Pattern.compile("\\{(\\w+)}");
    /** t('key'…) and plural('key'…) in the scripts. */
    private static final Pattern CALL = Pattern.compile("\\b(t|plural)\\(\\s*'([^']+)'");
    /** data-i18n="key", data-i18n-placeholder="key"… in the pages. */
    private static final Pattern ATTRIBUTE = Pattern.compile("data-i18n(?:-\\w+)?=\"([^\"]+)\"");
    /** Any 'word.word…' literal: keys kept in tables (banner heads, statuses, receipt words). */
    private static final Pattern DOTTED = Pattern.compile("'([a-z][A-Za-z]*(?:\\.[A-Za-z]+)+)'");
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(js|json|html|css|png|svg|webmanifest)");

    @Test
    void every_language_has_exactly_the_english_keys_with_the_same_blanks() throws IOException {
        Map<String, String> english = words("en");
        for (String language : languages()) {
            Map<String, String> other = words(language);
            assertThat(other.keySet()).as("keys of %s.json that English lacks", language).isSubsetOf(english.keySet());
            assertThat(english.keySet()).as("English keys %s.json lacks", language).isSubsetOf(other.keySet());
            for (Map.Entry<String, String> e : other.entrySet()) {
                assertThat(e.getValue()).as("%s in %s.json", e.getKey(), language).isNotBlank();
                assertThat(blanks(e.getValue())).as("blanks of %s in %s.json", e.getKey(), language)
                        .isEqualTo(blanks(english.get(e.getKey())));
                assertThat(e.getValue().split("\\*\\*", -1).length % 2).as("** pairs in %s of %s.json", e.getKey(), language)
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void each_count_has_the_one_and_the_other_form() throws IOException {
        Set<String> keys = words("en").keySet();
        for (String key : keys) {
            if (key.endsWith(".one")) assertThat(keys).contains(key.replaceAll("\\.one$", ".other"));
            if (key.endsWith(".other")) assertThat(keys).contains(key.replaceAll("\\.other$", ".one"));
        }
    }

    @Test
    void the_list_of_languages_names_every_words_file_and_english_first() throws IOException {
        List<String> files;
        try (Stream<Path> all = Files.list(WORDS)) {
            files = all.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.equals("languages.json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
        assertThat(languages()).first().isEqualTo("en");
        assertThat(languages().stream().sorted().toList()).isEqualTo(files);
    }

    @Test
    void every_key_the_pages_and_scripts_name_exists_in_english() throws IOException {
        Set<String> english = words("en").keySet();
        Set<String> namespaces = english.stream().map(k -> k.substring(0, k.indexOf('.'))).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        int named = 0;
        for (Path file : assetFiles()) {
            String text = Files.readString(file);
            Matcher call = CALL.matcher(text);
            while (call.find()) {
                named++;
                String key = call.group(2);
                boolean known = call.group(1).equals("plural")
                        ? english.contains(key + ".one") && english.contains(key + ".other")
                        : english.contains(key);
                if (!known) missing.add(file.getFileName() + ": " + key);
            }
            Matcher attribute = ATTRIBUTE.matcher(text);
            while (attribute.find()) {
                named++;
                if (!english.contains(attribute.group(1))) missing.add(file.getFileName() + ": " + attribute.group(1));
            }
            Matcher dotted = DOTTED.matcher(text);
            while (dotted.find()) {
                String key = dotted.group(1);
                if (FILE_NAME.matcher(key).matches()) continue; // 'form.js' in the shell's list is a file
                if (namespaces.contains(key.substring(0, key.indexOf('.'))) && !english.contains(key)
                        && !(english.contains(key + ".one") && english.contains(key + ".other"))) {
                    missing.add(file.getFileName() + ": " + key);
                }
            }
        }
        assertThat(named).as("keys found in the pages and scripts").isGreaterThan(150);
        assertThat(missing).as("keys English lacks").isEmpty();
    }

    private static List<Path> assetFiles() throws IOException {
        try (Stream<Path> all = Files.list(ASSETS)) {
            return all.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static List<String> languages() throws IOException {
        return Json.MAPPER.readValue(WORDS.resolve("languages.json").toFile(), new TypeReference<List<String>>() { });
    }

    private static Map<String, String> words(String language) throws IOException {
        return Json.MAPPER.readValue(WORDS.resolve(language + ".json").toFile(), new TypeReference<LinkedHashMap<String, String>>() { });
    }

    private static List<String> blanks(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = BLANK.matcher(text);
        while (m.find()) found.add(m.group(1));
        return found.stream().sorted().toList();
    }
}
