package org.lankit.ui;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The panel's words, from {@code org/lankit/ui/text/panel*.properties} in the system's language
 * (English where a language or a key is missing). A team adds a language with one more file,
 * {@code panel_es.properties}, without touching code. Keys name the screen first:
 * {@code home.title}, {@code entries.search}.
 */
final class Text {

    static final String BUNDLE = "org.lankit.ui.text.panel";

    private static volatile ResourceBundle words = load(Locale.getDefault());

    private Text() {
    }

    /**
     * The words for {@code key}, with {@code {0}}, {@code {1}}… replaced by {@code args}. Plain
     * replacement, not MessageFormat: translators write apostrophes as they are ("l'équipe").
     */
    static String get(String key, Object... args) {
        String words = Text.words.getString(key);
        for (int i = 0; i < args.length; i++) words = words.replace("{" + i + "}", String.valueOf(args[i]));
        return words;
    }

    /** One of two keys by count: {@code key.one} for 1, {@code key.other} otherwise, with the count as {@code {0}}. */
    static String plural(String key, long count, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = count;
        System.arraycopy(more, 0, args, 1, more.length);
        return get(key + (count == 1 ? ".one" : ".other"), args);
    }

    /** The language the words are in (English when no file matches), so dates beside them match. */
    static Locale locale() {
        Locale found = words.getLocale();
        return found.getLanguage().isEmpty() ? Locale.ENGLISH : found;
    }

    /** Switches the language for windows built from now on (tests; the panel follows the system's). */
    static void use(Locale locale) {
        words = load(locale);
    }

    static ResourceBundle load(Locale locale) {
        // no fallback to the JVM's default locale: an unknown language means English, not whatever the machine runs
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
