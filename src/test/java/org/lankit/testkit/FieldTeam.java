package org.lankit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.lankit.hub.MasterIdentity;
import org.lankit.hub.PushService;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.lankit.sync.DefaultForm;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldType;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Protocol.PushResult;
import org.lankit.sync.PushStatus;

/**
 * A master's store fed the way a team feeds it: phones push through the real {@link PushService}
 * (whole entries, edits with base, concurrent edits that open conflicts, deletes) and the
 * coordinator resolves conflicts. Two forms: the built-in household visit and a water point
 * form with two versions and every field type.
 */
public final class FieldTeam {

    public static final String MASTER = "master01";
    public static final String PHONE_A = "phoneA";
    public static final String PHONE_B = "phoneB";
    public static final String WATER_POINT = "water_point";

    private final KitStore store;
    private final PushService push;
    private final Map<String, HlcClock> clocks = new HashMap<>();

    public FieldTeam(KitStore store) {
        this.store = store;
        this.push = new PushService(store, new MasterIdentity(MASTER, "Test team", "test", HlcClock.system(MASTER)));
        store.forms().installDefaultIfEmpty();
        for (int v = 1; v <= 2; v++) {
            if (store.forms().version(WATER_POINT, v).isEmpty()) store.forms().save(waterPoint(v));
        }
    }

    public static Form waterPoint(int version) {
        List<FormField> fields = new ArrayList<>(List.of(
                FormField.of("name", "Name", FieldType.TEXT, true),
                FormField.of("functional", "Working?", FieldType.BOOLEAN, false),
                new FormField("depth_m", "Depth (m)", FieldType.DECIMAL, false, null, BigDecimal.ZERO, BigDecimal.valueOf(500)),
                new FormField("users", "Users", FieldType.INTEGER, false, null, BigDecimal.ZERO, null),
                FormField.of("checked_on", "Checked on", FieldType.DATE, false),
                new FormField("problems", "Problems", FieldType.SELECT_MULTIPLE, false,
                        List.of("leak", "broken_pump", "dirty"), null, null)));
        if (version >= 2) fields.add(FormField.of("operator", "Operator", FieldType.TEXTAREA, false));
        return new Form(WATER_POINT, version, "Water point", fields);
    }

    public HlcClock clock(String device) {
        return clocks.computeIfAbsent(device, HlcClock::system);
    }

    /** Pushes {@code n} new household entries from {@code device} in batches; returns their uuids. */
    public List<String> createHouseholds(int n, String device) {
        List<Entry> made = new ArrayList<>();
        for (int i = 0; i < n; i++) made.add(Entries.household(clock(device), "Respondent " + i, 1 + i % 50));
        return pushAll(device, made);
    }

    /** Pushes {@code n} new water points (version 2, every field type) from {@code device}. */
    public List<String> createWaterPoints(int n, String device) {
        List<Entry> made = new ArrayList<>();
        JsonNodeFactory json = JsonNodeFactory.instance;
        for (int i = 0; i < n; i++) {
            HlcClock c = clock(device);
            Map<String, FieldValue> f = new TreeMap<>();
            f.put("name", FieldValue.edit(TextNode.valueOf("Well " + i), c.now(), ""));
            f.put("functional", FieldValue.edit(BooleanNode.valueOf(i % 3 != 0), c.now(), ""));
            f.put("depth_m", FieldValue.edit(DecimalNode.valueOf(new BigDecimal("12.5").add(BigDecimal.valueOf(i % 40))), c.now(), ""));
            f.put("users", FieldValue.edit(IntNode.valueOf(i % 300), c.now(), ""));
            f.put("checked_on", FieldValue.edit(TextNode.valueOf("2026-11-" + (10 + i % 18)), c.now(), ""));
            f.put("problems", FieldValue.edit(json.arrayNode().add("leak").add("dirty"), c.now(), ""));
            f.put("operator", FieldValue.edit(TextNode.valueOf("Opérateur №" + i), c.now(), ""));
            made.add(new Entry(UUID.randomUUID().toString(), WATER_POINT, 2, f, null,
                    System.currentTimeMillis(), device, 0, null, null));
        }
        return pushAll(device, made);
    }

    /** {@code device} edits one field of the master's current copy (base: the value it saw). */
    public void edit(String uuid, String device, String field, JsonNode value) {
        Entry seen = entry(uuid);
        pushOne(device, withEdit(seen, device, field, value));
    }

    /** {@code device} edits one field of an older copy it holds (base: that copy's value). */
    public void editCopy(Entry seen, String device, String field, JsonNode value) {
        pushOne(device, withEdit(seen, device, field, value));
    }

    /** Both phones edit the same field of the same copy without seeing each other: a conflict. */
    public void editConcurrently(String uuid, String field, JsonNode valueA, JsonNode valueB) {
        Entry seen = entry(uuid);
        Entry a = withEdit(seen, PHONE_A, field, valueA);
        Entry b = withEdit(seen, PHONE_B, field, valueB);
        pushOne(PHONE_A, a);
        pushOne(PHONE_B, b);
    }

    public void delete(String uuid, String device) {
        Entry seen = entry(uuid);
        String base = seen.deleted() == null ? "" : seen.deleted().hlc();
        Map<String, FieldValue> echo = echo(seen);
        pushOne(device, new Entry(seen.uuid(), seen.formId(), seen.formVersion(), echo,
                FieldValue.edit(BooleanNode.TRUE, clock(device).now(), base), seen.createdAt(), seen.createdBy(), 0, null, null));
    }

    public void resolve(String uuid, String field, JsonNode chosen) {
        push.resolveConflict(uuid, field, chosen);
    }

    public Entry entry(String uuid) {
        return store.find(uuid).map(StoredEntry::entry).orElseThrow();
    }

    private Entry withEdit(Entry seen, String device, String field, JsonNode value) {
        Map<String, FieldValue> fields = echo(seen);
        FieldValue held = seen.fields().get(field);
        fields.put(field, FieldValue.edit(value, clock(device).now(), held == null ? "" : held.hlc()));
        FieldValue deleted = seen.deleted() == null ? null : seen.deleted().withoutBase();
        return new Entry(seen.uuid(), seen.formId(), seen.formVersion(), fields, deleted, seen.createdAt(), seen.createdBy(),
                0, null, null);
    }

    private static Map<String, FieldValue> echo(Entry seen) {
        Map<String, FieldValue> fields = new TreeMap<>();
        seen.fields().forEach((k, v) -> fields.put(k, v.withoutBase()));
        return fields;
    }

    private List<String> pushAll(String device, List<Entry> entries) {
        List<String> uuids = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += 500) {
            List<Entry> batch = entries.subList(from, Math.min(entries.size(), from + 500));
            for (PushResult r : push.push(device, batch)) {
                if (r.status() == PushStatus.REJECTED) throw new IllegalStateException(r.uuid() + ": " + r.error());
                uuids.add(r.uuid());
            }
        }
        return uuids;
    }

    private void pushOne(String device, Entry entry) {
        PushResult r = push.push(device, List.of(entry)).get(0);
        if (r.status() == PushStatus.REJECTED) throw new IllegalStateException(r.uuid() + ": " + r.error());
    }
}
