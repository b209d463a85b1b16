package org.lankit.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.sync.Hlc;

/**
 * The CSV of one form: a row per entry, read page by page; a column per answer of any version of
 * the form (newest version's order first; a group's questions as columns of their own, a repeat
 * as its number of rows, its rows in {@link RepeatCsv}), then uuid and the entry's metadata: the
 * creating device's id and its name ({@code worker}, as on the Devices screen; empty for a device
 * this master does not know). Times are UTC.
 */
final class FormCsv implements CsvFile {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String formId;
    private final List<String> fields;

    private FormCsv(String formId, List<String> fields) {
        this.formId = formId;
        this.fields = fields;
    }

    /** The columns for {@code formId} from its versions, newest first. */
    static FormCsv of(String formId, List<Form> newestFirst) {
        Set<String> names = new LinkedHashSet<>();
        newestFirst.forEach(f -> f.answerFields().stream().map(FormField::name).forEach(names::add));
        return new FormCsv(formId, List.copyOf(names));
    }

    @Override
    public String name() {
        return BackupFormat.slug(formId);
    }

    @Override
    public long write(KitStore store, OutputStream target) throws IOException {
        CsvWriter csv = CsvWriter.start(target);
        List<String> header = new ArrayList<>();
        header.add("uuid");
        header.addAll(fields);
        header.addAll(List.of("created by", "worker", "created at (UTC)", "last changed (UTC)", "status"));
        csv.row(header);
        Map<String, String> names = new HashMap<>();
        store.devices().all().forEach(d -> names.put(d.deviceId(), d.name()));
        long[] rows = {0};
        FormEntries.forEach(store, formId, e -> {
            csv.row(row(e, names));
            rows[0]++;
        });
        csv.flush();
        return rows[0];
    }

    private List<String> row(Entry e, Map<String, String> names) {
        List<String> cells = new ArrayList<>(fields.size() + 6);
        cells.add(e.uuid());
        for (String name : fields) {
            FieldValue v = e.fields().get(name);
            cells.add(v == null ? "" : text(v.value()));
        }
        cells.add(e.createdBy());
        cells.add(names.getOrDefault(e.createdBy(), ""));
        cells.add(TIME.format(Instant.ofEpochMilli(e.createdAt())));
        String last = e.lastChangeHlc();
        cells.add(last.isEmpty() ? "" : TIME.format(Instant.ofEpochMilli(Hlc.parse(last).wallMs())));
        cells.add(status(e));
        return cells;
    }

    /**
     * What a spreadsheet user expects to read: numbers as written; a select_multiple answer as
     * its choices separated by spaces (as XLSForm tools write them); a repeat as its number of rows.
     */
    static String text(JsonNode value) {
        if (value == null || value.isNull()) return "";
        if (value.isArray() && value.size() > 0 && value.get(0).isObject()) return Integer.toString(value.size());
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(text(v)));
            return String.join(" ", parts);
        }
        if (value.isFloatingPointNumber()) return value.decimalValue().toPlainString();
        if (value.isValueNode()) return value.asText();
        return value.toString();
    }

    /** conflict (open conflicts wait for review), deleted, or active. */
    static String status(Entry e) {
        if (!e.conflicts().isEmpty()) return "conflict";
        return e.isDeleted() ? "deleted" : "active";
    }
}
