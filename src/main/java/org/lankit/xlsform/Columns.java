package org.lankit.xlsform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The survey sheet's columns the kit reads; any other column that holds a value is a problem. */
final class Columns {

    static final Set<String> SURVEY = Set.of("type", "name", "label", "hint", "required", "required_message", "relevant",
            "constraint", "constraint_message", "default", "choice_filter", "calculation", "appearance");

    private Columns() {
    }

    /** Reports each survey column the kit does not read, if any row uses it. */
    static void checkSurvey(Table survey, List<Problem> problems) {
        for (Table.Heading h : survey.headings()) {
            boolean known = SURVEY.contains(h.base()) && (h.language() == null || Languages.WORDS.contains(h.base()));
            if (!known) reportUsed(survey, h, "the column \"" + h.text() + "\" is not supported; delete it", problems);
        }
    }

    /** Adds one problem for column {@code heading} naming the rows that use it; nothing when none does. */
    static void reportUsed(Table table, Table.Heading heading, String words, List<Problem> problems) {
        List<Integer> rows = new ArrayList<>();
        for (Table.Line line : table.lines()) if (!line.get(heading).isEmpty()) rows.add(line.number());
        if (rows.isEmpty()) return;
        String used = rows.size() <= 5 ? rows.toString().replaceAll("[\\[\\]]", "")
                : rows.subList(0, 5).toString().replaceAll("[\\[\\]]", "") + " and " + (rows.size() - 5) + " more";
        problems.add(new Problem(table.sheet(), 0, heading.letter(), heading.text(),
                words + " (used in " + (rows.size() == 1 ? "row " : "rows ") + used + ")"));
    }
}
