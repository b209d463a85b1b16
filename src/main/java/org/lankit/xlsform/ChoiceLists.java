package org.lankit.xlsform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lankit.sync.Choice;

/**
 * The choices sheet: {@code list_name}, {@code name}, {@code label} (and {@code label::language});
 * every other plain column is kept on each choice for {@code choice_filter} to read. Columns with
 * a {@code ::} other than labels (pictures, sounds) are not supported.
 */
final class ChoiceLists {

    static final String SHEET = "choices";
    private static final Set<String> OWN = Set.of("list_name", "list name", "name", "label");

    private final Map<String, List<Choice>> lists;
    /** The extra columns of the choices sheet, which a choice_filter may name besides {@code name}. */
    private final Set<String> columns;

    private ChoiceLists(Map<String, List<Choice>> lists, Set<String> columns) {
        this.lists = lists;
        this.columns = columns;
    }

    static ChoiceLists none() {
        return new ChoiceLists(Map.of(), Set.of());
    }

    static ChoiceLists read(Table table, Languages languages, List<Problem> problems) {
        List<Table.Heading> extra = new ArrayList<>();
        for (Table.Heading h : table.headings()) {
            if (h.language() != null && !h.base().equals("label")) {
                Columns.reportUsed(table, h, "pictures and sounds for choices are not supported; delete the column", problems);
            } else if (h.language() == null && !OWN.contains(h.base())) {
                extra.add(h);
            }
        }
        String listColumn = table.column("list_name").isPresent() ? "list_name" : "list name";
        if (table.column(listColumn).isEmpty() || table.column("name").isEmpty()) {
            problems.add(Problem.ofSheet(SHEET, "has no list_name or no name column (row 1 holds the column names:"
                    + " list_name, name, label, …)"));
            return none();
        }
        Map<String, List<Choice>> lists = new LinkedHashMap<>();
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        for (Table.Line line : table.lines()) {
            String list = table.cell(line, listColumn);
            String name = table.cell(line, "name");
            if (list.isEmpty()) {
                problems.add(table.problem(line, listColumn, "this choice belongs to no list; fill in list_name"));
                continue;
            }
            if (name.isEmpty()) {
                problems.add(table.problem(line, "name", "this choice of list " + list + " has no name"));
                continue;
            }
            if (!seen.computeIfAbsent(list, k -> new HashSet<>()).add(name)) {
                problems.add(table.problem(line, "name", "list " + list + " has the choice " + name + " twice"));
            }
            String label = languages.text(table, line, "label");
            if (label.isEmpty()) {
                problems.add(table.problem(line, "label", "choice " + name + " of list " + list + " has no label"
                        + (languages.defaultLanguage() == null ? "" : " in " + languages.defaultLanguage())));
            }
            Map<String, String> filter = new LinkedHashMap<>();
            for (Table.Heading h : extra) {
                if (!line.get(h).isEmpty()) filter.put(h.text(), line.get(h));
            }
            lists.computeIfAbsent(list, k -> new ArrayList<>())
                    .add(new Choice(name, label, languages.others(table, line, "label"), filter));
        }
        Set<String> columns = new LinkedHashSet<>(List.of("name"));
        extra.forEach(h -> columns.add(h.text()));
        return new ChoiceLists(lists, columns);
    }

    boolean has(String list) {
        return lists.containsKey(list);
    }

    List<Choice> choices(String list) {
        return lists.getOrDefault(list, List.of());
    }

    /** The columns a choice_filter may name: {@code name} and the sheet's extra columns. */
    Set<String> filterColumns() {
        return columns;
    }
}
