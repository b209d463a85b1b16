package org.lankit.xlsform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The form's languages, from the {@code ::language} headings of its words' columns. The default
 * language is {@code default_language} from the settings, else the first one met; plain columns
 * ({@code label} beside {@code label::Français}) hold the default language's words, so they need
 * {@code default_language} to say which language that is.
 */
final class Languages {

    /** The columns that hold words people read, which may come in several languages. */
    static final Set<String> WORDS = Set.of("label", "hint", "constraint_message", "required_message");

    private final String defaultLanguage;
    private final List<String> all;

    private Languages(String defaultLanguage, List<String> all) {
        this.defaultLanguage = defaultLanguage;
        this.all = List.copyOf(all);
    }

    static Languages of(List<Table> tables, FormSettings settings, List<Problem> problems) {
        Set<String> named = new LinkedHashSet<>();
        Table.Heading plain = null;
        Table plainIn = null;
        for (Table t : tables) {
            for (Table.Heading h : t.headings()) {
                if (!WORDS.contains(h.base())) continue;
                if (h.language() == null) {
                    if (plain == null) {
                        plain = h;
                        plainIn = t;
                    }
                } else if (h.language().isEmpty()) {
                    problems.add(Problem.ofSheet(t.sheet(), "column " + h.letter() + " (" + h.text() + ") names no language after ::"));
                } else {
                    named.add(h.language());
                }
            }
        }
        String chosen = settings.defaultLanguage();
        if (named.isEmpty()) return new Languages(chosen, chosen == null ? List.of() : List.of(chosen));
        List<String> all = new ArrayList<>(named);
        if (chosen == null && plain != null) {
            problems.add(Problem.ofSheet(plainIn.sheet(), "column " + plain.letter() + " (" + plain.text() + ") has no language while"
                    + " other columns do (" + String.join(", ", named) + "); write " + plain.text() + "::<language>, or name its"
                    + " language in the settings sheet's default_language column"));
            return new Languages(all.get(0), all);
        }
        if (chosen == null) return new Languages(all.get(0), all);
        if (!named.contains(chosen)) {
            if (plain == null) {
                problems.add(settings.problem("default_language", "\"" + chosen + "\" is not one of the form's languages ("
                        + String.join(", ", named) + ")"));
            }
            all.add(0, chosen);
        }
        return new Languages(chosen, all);
    }

    /** The language labels are in; null when the form has no language columns. */
    String defaultLanguage() {
        return defaultLanguage;
    }

    /** Every language, the default among them; empty when the form names none. */
    List<String> all() {
        return all;
    }

    /** The words of column {@code base} in the default language ("" when none). */
    String text(Table table, Table.Line line, String base) {
        for (Table.Heading h : table.columns(base)) {
            if (h.language() != null && h.language().equals(defaultLanguage) && !line.get(h).isEmpty()) return line.get(h);
        }
        return table.cell(line, base);
    }

    /** The words of column {@code base} in each other language that has them. */
    Map<String, String> others(Table table, Table.Line line, String base) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Table.Heading h : table.columns(base)) {
            if (h.language() != null && !h.language().equals(defaultLanguage) && !line.get(h).isEmpty()) {
                out.put(h.language(), line.get(h));
            }
        }
        return out;
    }
}
