package org.lankit.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lankit.store.KitStore;
import org.lankit.sync.FieldType;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;

/**
 * One CSV file of the export: a form's ({@code <form>.csv}, a row per entry) or one of its
 * repeats' ({@code <form>-<repeat>.csv}, a row per repeat row, joined to the entry by its uuid).
 */
interface CsvFile {

    /** The file's name without ".csv" ({@code visits}, {@code visits-members}), safe on every file system. */
    String name();

    default String fileName() {
        return name() + ".csv";
    }

    /** Writes the whole CSV; returns the number of data rows. */
    long write(KitStore store, OutputStream target) throws IOException;

    /** The form's file, then one per repeat any of its versions has, newest version's order first. */
    static List<CsvFile> ofForm(String formId, List<Form> versions) {
        List<Form> newestFirst = versions.stream().filter(f -> f.id().equals(formId))
                .sorted(Comparator.comparingInt(Form::version).reversed()).toList();
        List<CsvFile> files = new ArrayList<>();
        files.add(FormCsv.of(formId, newestFirst));
        Map<String, List<FormField>> repeats = new LinkedHashMap<>();
        for (Form f : newestFirst) {
            for (FormField field : f.answerFields()) {
                if (field.type() == FieldType.REPEAT) repeats.computeIfAbsent(field.name(), k -> new ArrayList<>()).add(field);
            }
        }
        repeats.forEach((name, asInVersions) -> files.add(RepeatCsv.of(formId, name, asInVersions)));
        return files;
    }
}
