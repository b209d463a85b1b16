package org.lankit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldType;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.sync.Hlc;
import org.lankit.sync.HlcClock;

/**
 * The benchmarks' entries: a form of 8 fields and entries carrying 8 values, the same values the
 * PouchDB side's documents carry (src/test/pouchdb/bench.js, {@code values(i)}), so bytes and
 * speeds compare like with like. A device fills the whole form at once: one clock for every field.
 */
final class BenchEntries {

    static final Form FORM = new Form("bench_visit", 1, "Bench visit", List.of(
            FormField.of("respondent", "Respondent", FieldType.TEXT, true),
            FormField.of("village", "Village", FieldType.TEXT, false),
            new FormField("household_size", "Household size", FieldType.INTEGER, true, null, BigDecimal.ONE, BigDecimal.valueOf(50)),
            FormField.of("visit_date", "Visit date", FieldType.DATE, false),
            new FormField("water_source", "Water source", FieldType.SELECT_ONE, false, List.of("well", "tap", "river", "other"), null, null),
            FormField.of("notes", "Notes", FieldType.TEXTAREA, false),
            FormField.of("children", "Children", FieldType.INTEGER, false),
            FormField.of("has_latrine", "Has a latrine", FieldType.BOOLEAN, false)));

    private static final String[] SOURCES = {"well", "tap", "river", "other"};
    private static final AtomicInteger MADE = new AtomicInteger();

    private BenchEntries() {
    }

    /** The 8 values of entry i, as bench.js makes them. */
    static Map<String, JsonNode> values(int i) {
        Map<String, JsonNode> v = new LinkedHashMap<>();
        v.put("respondent", TextNode.valueOf("Respondent " + i));
        v.put("village", TextNode.valueOf("Village " + (i % 40)));
        v.put("household_size", IntNode.valueOf(1 + i % 50));
        v.put("visit_date", TextNode.valueOf(String.format("2026-11-%02d", 1 + i % 28)));
        v.put("water_source", TextNode.valueOf(SOURCES[i % 4]));
        v.put("notes", TextNode.valueOf("Visited in the morning; follow up next week"));
        v.put("children", IntNode.valueOf(i % 8));
        v.put("has_latrine", BooleanNode.valueOf(i % 3 == 0));
        return v;
    }

    static Entry entry(HlcClock clock) {
        Hlc at = clock.now();
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        values(MADE.getAndIncrement()).forEach((name, value) -> fields.put(name, FieldValue.edit(value, at, "")));
        return new Entry(UUID.randomUUID().toString(), FORM.id(), FORM.version(), fields, null, at.wallMs(), clock.deviceId(), 0, null, null);
    }

    static List<Entry> batch(HlcClock clock, int size) {
        List<Entry> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) batch.add(entry(clock));
        return batch;
    }

    /** Saves the bench form and fills the store with n entries from one phone, 5,000 per transaction (not through the hub). */
    static void seed(KitStore store, int n) {
        if (store.forms().latest(FORM.id()).isEmpty()) store.forms().save(FORM);
        HlcClock phone = HlcClock.system("phone1");
        for (int done = 0; done < n; done += 5000) {
            int chunk = Math.min(5000, n - done);
            store.write(w -> {
                for (int i = 0; i < chunk; i++) w.commitMasterChange(entry(phone), "phone1");
                return null;
            });
        }
    }
}
