package org.lankit.backup;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.lankit.store.AuditEvent;
import org.lankit.store.Device;
import org.lankit.store.KitStore;
import org.lankit.store.TeamIdentity;
import org.lankit.sync.Conflict;
import org.lankit.sync.Entry;
import org.lankit.sync.EntryShapeException;
import org.lankit.sync.ClockLimit;
import org.lankit.sync.EntryValidator;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.FormShape;
import org.lankit.sync.FormField;
import org.lankit.sync.Hlc;
import org.lankit.sync.Json;
import org.lankit.upstream.TargetSettings;

/**
 * Reads the members of a verified backup and checks that they make sense for this store before
 * anything is written: every line parses, counts match the manifest, a form version that exists
 * here has the same content, entries fit their forms (field names, value types, clocks), no clock
 * is more than {@link ClockLimit#MAX_AHEAD_MS} ahead of this computer's time (it would win every later edit,
 * as a push's would), and no entry uuid belongs to another form here. Lines are read whole: their
 * length was bounded while the backup was verified ({@link RecordLimits}); only uuids and form ids
 * of one page of entries are held at a time.
 */
final class BackupContent {

    private static final Pattern UUID = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final int PAGE = 500;
    private static final TypeReference<List<Form>> FORMS = new TypeReference<>() { };
    private static final TypeReference<List<Device>> DEVICES = new TypeReference<>() { };

    private final VerifiedBackup backup;
    private final List<Form> forms;
    private final List<Device> devices;
    private final Optional<TeamIdentity> team;
    private final List<TargetSettings> targets;

    private BackupContent(VerifiedBackup backup, List<Form> forms, List<Device> devices, Optional<TeamIdentity> team,
                          List<TargetSettings> targets) {
        this.backup = backup;
        this.forms = forms;
        this.devices = devices;
        this.team = team;
        this.targets = targets;
    }

    /**
     * Checks every member against {@code store} at this computer's time {@code nowMs}; throws
     * {@link BackupRejectedException} on the first problem.
     */
    static BackupContent check(VerifiedBackup backup, KitStore store, long nowMs) {
        Manifest.Counts counts = backup.manifest().counts();
        List<Form> forms = readList(backup, BackupFormat.FORMS, FORMS);
        List<Device> devices = readList(backup, BackupFormat.DEVICES, DEVICES);
        expectCount(BackupFormat.FORMS, forms.size(), counts.forms());
        expectCount(BackupFormat.DEVICES, devices.size(), counts.devices());
        BackupContent content = new BackupContent(backup, forms, devices, TeamState.readTeam(backup), TeamState.readTargets(backup));
        Map<String, List<Form>> known = content.checkForms(store);
        content.checkDevices();
        long[] entries = new long[1];
        Map<String, String> page = new HashMap<>();
        content.eachEntry(e -> {
            String problem = entryProblem(e, known, nowMs);
            if (problem != null) throw reject(BackupFormat.ENTRIES + ", entry " + (entries[0] + 1) + named(e) + ": " + problem);
            page.put(e.uuid(), e.formId());
            entries[0]++;
            if (page.size() == PAGE) checkUuidForms(page, store);
        });
        checkUuidForms(page, store);
        expectCount(BackupFormat.ENTRIES, entries[0], counts.entries());
        long[] audit = new long[1];
        content.eachAuditEvent(a -> {
            if (a.action() == null || a.action().isBlank() || a.time() < 0) {
                throw reject(BackupFormat.AUDIT + ", event " + (audit[0] + 1) + ": needs a time and an action");
            }
            audit[0]++;
        });
        expectCount(BackupFormat.AUDIT, audit[0], counts.audit());
        long[] receipts = new long[1];
        content.eachReceipt(r -> {
            receipts[0]++;
            boolean sane = r.target() != null && r.target().matches("[a-z0-9-]{1,32}") && r.uuid() != null
                    && UUID.matcher(r.uuid()).matches() && r.entrySeq() >= 0 && r.deliveredSeq() >= 0 && r.failedSeq() >= 0;
            if (!sane) throw reject(BackupFormat.DELIVERIES + ", receipt " + receipts[0] + ": needs a server, an entry uuid and seqs");
        });
        return content;
    }

    List<Form> forms() {
        return forms;
    }

    List<Device> devices() {
        return devices;
    }

    /** The team the backup belongs to; empty for a backup made before format 4. */
    Optional<TeamIdentity> team() {
        return team;
    }

    /** The team servers with their secrets; empty when none was set up or the backup is older. */
    List<TargetSettings> targets() {
        return targets;
    }

    void eachEntry(Consumer<Entry> action) {
        eachLine(BackupFormat.ENTRIES, Entry.class, action);
    }

    void eachAuditEvent(Consumer<AuditEvent> action) {
        eachLine(BackupFormat.AUDIT, AuditEvent.class, action);
    }

    /** The upload receipts, when the backup has them (format 4 on). */
    void eachReceipt(Consumer<TeamState.Receipt> action) {
        if (backup.holds(BackupFormat.DELIVERIES)) eachLine(BackupFormat.DELIVERIES, TeamState.Receipt.class, action);
    }

    /** Forms by id: this store's versions plus the backup's, refusing a version that differs. */
    private Map<String, List<Form>> checkForms(KitStore store) {
        Map<String, List<Form>> byId = new LinkedHashMap<>();
        for (Form f : store.forms().all()) byId.computeIfAbsent(f.id(), id -> new ArrayList<>()).add(f);
        for (Form f : forms) {
            Optional<FormShape.Problem> shape = FormShape.problem(f);
            if (shape.isPresent()) {
                throw reject(BackupFormat.FORMS + ": form " + f.id() + " version " + f.version() + ": " + shape.get().sentence());
            }
            Optional<Form> here = store.forms().version(f.id(), f.version());
            if (here.isPresent() && !Json.MAPPER.valueToTree(here.get()).equals(Json.MAPPER.valueToTree(f))) {
                throw reject("form " + f.id() + " version " + f.version() + " differs from the one here: "
                        + "the backup belongs to another team");
            }
            if (here.isEmpty()) byId.computeIfAbsent(f.id(), id -> new ArrayList<>()).add(f);
        }
        return byId;
    }

    private void checkDevices() {
        for (Device d : devices) {
            if (!Hlc.isValidDeviceId(d.deviceId()) || d.name() == null || d.kind() == null) {
                throw reject(BackupFormat.DEVICES + ": device " + d.deviceId() + " needs an id, a name and a kind");
            }
        }
    }

    /** An entry whose uuid is stored here under another form cannot be merged; {@code page}: uuid → form id. */
    private static void checkUuidForms(Map<String, String> page, KitStore store) {
        store.formIdsOf(page.keySet()).forEach((uuid, formId) -> {
            if (!formId.equals(page.get(uuid))) {
                throw reject("entry " + uuid + " belongs to form " + formId + " here, but to " + page.get(uuid) + " in the backup");
            }
        });
        page.clear();
    }

    /** " (uuid …)" when the entry has a readable uuid, for messages. */
    private static String named(Entry e) {
        return e.uuid() != null && UUID.matcher(e.uuid()).matches() ? " (uuid " + e.uuid() + ")" : "";
    }

    static String entryProblem(Entry e, Map<String, List<Form>> forms, long nowMs) {
        if (e.uuid() == null || !UUID.matcher(e.uuid()).matches()) return "uuid must be 8-64 letters, digits or dashes";
        List<Form> versions = forms.get(e.formId());
        if (versions == null) return "unknown form " + e.formId();
        if (versions.stream().noneMatch(f -> f.version() == e.formVersion())) {
            return "form " + e.formId() + " has no version " + e.formVersion();
        }
        if (!Hlc.isValidDeviceId(e.createdBy())) return "createdBy must be a device id";
        for (Map.Entry<String, FieldValue> f : e.fields().entrySet()) {
            Optional<FormField> def = definition(versions, e.formVersion(), f.getKey());
            if (def.isEmpty()) return "field " + f.getKey() + " is not in form " + e.formId();
            String p = clockProblem(f.getValue().hlc(), f.getValue().by(), nowMs);
            if (p == null) p = EntryValidator.valueProblem(def.get(), f.getValue().value());
            if (p != null) return "field " + f.getKey() + ": " + p;
        }
        if (e.deleted() != null) {
            String p = clockProblem(e.deleted().hlc(), e.deleted().by(), nowMs);
            if (p == null && !e.deleted().value().isBoolean()) p = "must be true or false";
            if (p != null) return "deleted: " + p;
        }
        for (Conflict c : e.conflicts()) {
            if (c.field() == null || c.field().isBlank()) return "a conflict needs a field";
            String p = clockProblem(c.hlc(), c.by(), nowMs);
            if (p != null) return "conflict on " + c.field() + ": " + p;
        }
        if (e.settled().stream().anyMatch(s -> s == null || s.isBlank())) return "settled holds an empty key";
        return null;
    }

    /** The field as the entry's form version defines it, else as the newest version that has it
     * (a merged entry can keep a value of a field a later version dropped). */
    private static Optional<FormField> definition(List<Form> versions, int version, String field) {
        Optional<FormField> own = versions.stream().filter(f -> f.version() == version).findFirst().flatMap(f -> f.field(field));
        if (own.isPresent()) return own;
        return versions.stream().sorted(Comparator.comparingInt(Form::version).reversed())
                .map(f -> f.field(field)).flatMap(Optional::stream).findFirst();
    }

    private static String clockProblem(String hlc, String by, long nowMs) {
        if (!Hlc.isWellFormed(hlc)) return "hlc is not a clock value";
        if (!Hlc.isValidDeviceId(by)) return "by must be a device id";
        long ahead = Hlc.parse(hlc).wallMs() - nowMs;
        if (ahead > ClockLimit.MAX_AHEAD_MS) {
            return "its clock (" + Instant.ofEpochMilli(Hlc.parse(hlc).wallMs()) + ") is " + ClockLimit.inWords(ahead)
                    + " ahead of this computer's time (at most " + ClockLimit.inWords(ClockLimit.MAX_AHEAD_MS)
                    + " is taken): the backup was edited,"
                    + " or made on a computer whose clock was wrong";
        }
        return null;
    }

    private <T> void eachLine(String member, Class<T> type, Consumer<T> action) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(backup.member(member), StandardCharsets.UTF_8))) {
            long number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) continue;
                T value;
                try {
                    value = Json.MAPPER.readValue(line, type);
                } catch (EntryShapeException e) {
                    throw reject(member + ", line " + number + " is unreadable: " + e.problem());
                } catch (IOException e) {
                    throw reject(member + ", line " + number + " is unreadable");
                }
                action.accept(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + member + " from the backup", e);
        }
    }

    private static <T> List<T> readList(VerifiedBackup backup, String member, TypeReference<List<T>> type) {
        try (InputStream in = backup.member(member)) {
            List<T> list = Json.MAPPER.readValue(in, type);
            if (list == null || list.contains(null)) throw reject(member + " holds an empty item");
            return list;
        } catch (IOException e) {
            throw reject(member + " is unreadable");
        }
    }

    private static void expectCount(String member, long found, long expected) {
        if (found != expected) {
            throw reject(member + " holds " + found + " item(s) but the manifest says " + expected);
        }
    }

    private static BackupRejectedException reject(String reason) {
        return new BackupRejectedException("the backup cannot be imported: " + reason);
    }
}
