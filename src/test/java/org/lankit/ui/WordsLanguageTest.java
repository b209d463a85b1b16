package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dates and times in the panel's language: "today 14:05" in English, "aujourd'hui 14:05" in French. */
class WordsLanguageTest {

    private static final long NOW = System.currentTimeMillis();
    private static final long LONG_AGO = LocalDateTime.of(2020, 1, 15, 9, 30).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();

    @AfterEach
    void english_again() {
        Text.use(Locale.ENGLISH);
    }

    @Test
    void english_words_say_today_and_short_english_months() {
        Text.use(Locale.ENGLISH);
        assertThat(Words.when(NOW)).matches("today \\d\\d:\\d\\d");
        assertThat(Words.when(LONG_AGO)).isEqualTo("15 Jan 2020");
        assertThat(Words.ago(NOW - 5 * 60_000, NOW)).isEqualTo("5 minutes ago");
        assertThat(Words.ago(NOW - 60_000, NOW)).isEqualTo("1 minute ago");
        assertThat(Words.ago(0, NOW)).isEqualTo("never");
    }

    @Test
    void french_words_say_aujourdhui_and_french_months() {
        Text.use(Locale.FRANCE);
        assertThat(Words.when(NOW)).matches("aujourd'hui \\d\\d:\\d\\d");
        assertThat(Words.when(LONG_AGO)).isEqualTo("15 janv. 2020");
        assertThat(Words.when(NOW - 24 * 3_600_000L)).startsWith("hier ");
        assertThat(Words.ago(NOW - 30_000, NOW)).isEqualTo("à l'instant");
        assertThat(Words.ago(NOW - 5 * 60_000, NOW)).isEqualTo("il y a 5 minutes");
        assertThat(Words.ago(0, NOW)).isEqualTo("jamais");
        assertThat(Words.deviceKind("phone")).isEqualTo("Téléphone");
    }

    @Test
    void a_language_without_a_file_gets_english_words_and_english_months() {
        Text.use(new Locale("zu"));
        assertThat(Text.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(Words.when(LONG_AGO)).isEqualTo("15 Jan 2020");
    }
}
