package org.lankit.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;

/**
 * The rows of one repeat (a household's members): {@code entry_uuid} (the form file's
 * {@code uuid}), {@code row} (1, 2, … in the entry's order), then a column per question of the
 * repeat in any version of the form.
 */
final class RepeatCsv implements CsvFile {

    private final String formId;
    private final String repeat;
    private final List<String> columns;

    private RepeatCsv(String formId, String repeat, List<String> columns) {
        this.formId = formId;
        this.repeat = repeat;
        this.columns = columns;
    }

    /** {@code asInVersions}: the repeat as each version has it, newest first. */
    static RepeatCsv of(String formId, String repeat, List<FormField> asInVersions) {
        Set<String> names = new LinkedHashSet<>();
        asInVersions.forEach(r -> Form.answerFields(r).forEach(f -> names.add(f.name())));
        return new RepeatCsv(formId, repeat, List.copyOf(names));
    }

    @Override
    public String name() {
        return BackupFormat.slug(formId) + "-" + BackupFormat.slug(repeat);
    }

    @Override
    public long write(KitStore store, OutputStream target) throws IOException {
        CsvWriter csv = CsvWriter.start(target);
        List<String> header = new ArrayList<>(List.of("entry_uuid", "row"));
        header.addAll(columns);
        csv.row(header);
        long[] rows = {0};
        FormEntries.forEach(store, formId, e -> rows[0] += writeRows(e, csv));
        csv.flush();
        return rows[0];
    }

    private int writeRows(Entry e, CsvWriter csv) throws IOException {
        FieldValue held = e.fields().get(repeat);
        JsonNode list = held == null ? null : held.value();
        if (list == null || !list.isArray()) return 0;
        for (int i = 0; i < list.size(); i++) {
            List<String> cells = new ArrayList<>(columns.size() + 2);
            cells.add(e.uuid());
            cells.add(Integer.toString(i + 1));
            for (String name : columns) cells.add(FormCsv.text(list.get(i).get(name)));
            csv.row(cells);
        }
        return list.size();
    }
}
