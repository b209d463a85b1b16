package org.lankit.xlsform;

import java.util.List;
import java.util.Set;

/**
 * The settings sheet (headings in row 1, values in row 2). {@code version} is read and not used:
 * the kit numbers a form's versions itself, one more than the newest it holds (forms.md).
 */
record FormSettings(String formId, String title, String defaultLanguage, Table table, Table.Line values) {

    static final String SHEET = "settings";
    private static final Set<String> KNOWN = Set.of("form_id", "form_title", "version", "default_language");

    static FormSettings none() {
        return new FormSettings(null, null, null, null, null);
    }

    static FormSettings read(Table table, List<Problem> problems) {
        if (table.lines().isEmpty()) return none();
        Table.Line values = table.lines().get(0);
        for (Table.Heading h : table.headings()) {
            if (!KNOWN.contains(h.base()) || h.language() != null) {
                if (!values.get(h).isEmpty()) {
                    problems.add(table.problem(values, h, "the setting \"" + h.text() + "\" is not supported; delete it"));
                }
            }
        }
        for (Table.Line extra : table.lines().subList(1, table.lines().size())) {
            problems.add(table.problem(extra, "the settings sheet takes one row of values (row 2); delete this row"));
        }
        return new FormSettings(blankToNull(table.cell(values, "form_id")), blankToNull(table.cell(values, "form_title")),
                blankToNull(table.cell(values, "default_language")), table, values);
    }

    /** A problem with the setting {@code base} (given in the sheet whenever this is called). */
    Problem problem(String base, String words) {
        return table == null ? Problem.ofSheet(SHEET, words) : table.problem(values, base, words);
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
