package org.lankit.xlsform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One sheet as text: its headings (first row) and the rows below that hold anything. A heading
 * {@code label::Français} has the base {@code label} and the language {@code Français}.
 */
record Table(String sheet, List<Heading> headings, List<Line> lines) {

    record Heading(int index, String letter, String text) {

        /** The heading before any "::", lower case ("Label::English" → "label"). */
        String base() {
            int split = text.indexOf("::");
            return (split < 0 ? text : text.substring(0, split)).strip().toLowerCase(Locale.ROOT);
        }

        /** The language after "::", or null for a plain column. */
        String language() {
            int split = text.indexOf("::");
            return split < 0 ? null : text.substring(split + 2).strip();
        }
    }

    /** A row: {@code number} as the spreadsheet shows it, its cells by column index ("" when empty). */
    record Line(int number, List<String> cells) {

        String get(Heading heading) {
            return heading.index() < cells.size() ? cells.get(heading.index()) : "";
        }
    }

    /** The plain column (no language) named {@code base}, if the sheet has one. */
    Optional<Heading> column(String base) {
        return headings.stream().filter(h -> h.language() == null && h.base().equals(base)).findFirst();
    }

    /** The cell under plain column {@code base} ("" when the sheet has no such column). */
    String cell(Line line, String base) {
        return column(base).map(line::get).orElse("");
    }

    /** The columns named {@code base}, plain or with a language. */
    List<Heading> columns(String base) {
        List<Heading> out = new ArrayList<>();
        for (Heading h : headings) if (h.base().equals(base)) out.add(h);
        return out;
    }

    Problem problem(Line line, Heading heading, String words) {
        return new Problem(sheet, line.number(), heading.letter(), heading.text(), words);
    }

    Problem problem(Line line, String base, String words) {
        return column(base).map(h -> problem(line, h, words)).orElse(problem(line, words));
    }

    Problem problem(Line line, String words) {
        return new Problem(sheet, line.number(), null, null, words);
    }
}
