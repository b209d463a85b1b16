package org.lankit.ui;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.lankit.ui.Views.EntryRow;

/** Writes entry rows as CSV that spreadsheet programs open as they are (UTF-8 with a byte-order mark). */
final class CsvTable {

    private CsvTable() {
    }

    /** The table's columns (the worker by name), then one column per question of the rows' forms; {@code summary} by entry id. */
    static void write(Path file, List<EntryRow> rows, Function<String, String> summary) throws IOException {
        Set<String> questions = new LinkedHashSet<>();
        rows.forEach(r -> questions.addAll(r.values().keySet()));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            List<String> header = new ArrayList<>(List.of(Text.get("csv.form"), Text.get("csv.summary"), Text.get("csv.worker"),
                    Text.get("csv.when"), Text.get("csv.onLaptop"), Text.get("csv.atApi"), Text.get("csv.entryId")));
            header.addAll(questions);
            line(out, header);
            for (EntryRow r : rows) {
                List<String> cells = new ArrayList<>(List.of(r.formTitle(), summary.apply(r.uuid()), r.who(),
                        Words.when(r.createdAt()), r.onMaster(), r.atApi(), r.uuid()));
                questions.forEach(q -> cells.add(r.values().getOrDefault(q, "")));
                line(out, cells);
            }
        }
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.write(',');
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** Quotes when needed; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        boolean number = v.matches("-\\d+([.,]\\d+)?");
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !number) v = "'" + v;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
