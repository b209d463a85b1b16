package org.lankit.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.lankit.app.JoinAddress;
import org.lankit.app.KitChoices;
import org.lankit.app.MasterKit;
import org.lankit.pairing.AddressChange;
import org.lankit.store.Device;
import org.lankit.store.FormCatalog;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Protocol.PushResult;
import org.lankit.sync.Protocol.UpstreamStatus;
import org.lankit.ui.Views.ConflictCard;
import org.lankit.ui.Views.DeviceRow;
import org.lankit.ui.Views.EntryDetail;
import org.lankit.ui.Views.EntryRow;
import org.lankit.ui.Views.Home;
import org.lankit.ui.Views.MasterView;
import org.lankit.xlsform.Problem;
import org.lankit.xlsform.XlsFormImport;
import org.lankit.xlsform.XlsFormRefusedException;

/**
 * The master's engine as the panel uses it: builds the view records and carries out the
 * coordinator's commands through the real services (the push service for edits and conflict
 * picks, the device registry, the form catalog). Blocking: call it from {@link Background} only.
 */
final class MasterConsole {

    /** A device counts as connected when it called the master this recently. */
    static final long CONNECTED_WITHIN_MS = 2 * 60_000;
    private static final int MAX_ROWS = 20_000;

    private final MasterKit kit;
    private final ApiLink api;
    private final KitChoices choices;
    private final AddressChange addressChange;
    private List<Object> lastChange = List.of();

    /** @param api the uploader, or null while it is not set up */
    MasterConsole(MasterKit kit, ApiLink api) {
        this.kit = kit;
        this.api = api;
        this.choices = new KitChoices(kit.store());
        this.addressChange = new AddressChange(kit.store().syncState());
    }

    KitStore store() {
        return kit.store();
    }

    KitChoices choices() {
        return choices;
    }

    ApiLink api() {
        return api;
    }

    /** The join URL as the kit computes it for every screen and the headless output ({@link MasterKit#joinAddress}). */
    String joinUrl() {
        return kit.joinUrl();
    }

    /** The port phones use now (a saved port may apply only from the next start). */
    int portInUse() {
        return kit.hub().port();
    }

    /** Devices with a live socket or a recent call: what closing the window would cut off. */
    int connectedDevices() {
        long since = System.currentTimeMillis() - CONNECTED_WITHIN_MS;
        long recent = kit.store().devices().all().stream().filter(d -> usable(d) && d.lastSeen() >= since).count();
        return (int) Math.max(recent, kit.hub().liveConnections());
    }

    /** The whole view when anything shown changed since the last call (or {@code force}). */
    Optional<MasterView> refresh(boolean force) {
        KitStore store = kit.store();
        List<Device> devices = store.devices().all();
        UpstreamStatus upstream = api == null ? null : api.status();
        boolean approveNew = choices.approveNewDevices();
        boolean teamEdits = choices.phonesEditTeamEntries();
        JoinAddress address = kit.joinAddress();
        List<Object> change = List.of(store.lastSeq(), devices, String.valueOf(upstream), address,
                System.currentTimeMillis() / 60_000, kit.uploads().receipts(), approveNew, teamEdits);
        if (!force && change.equals(lastChange)) return Optional.empty();
        lastChange = change;
        EntryRows rows = rows(devices);
        List<EntryRow> entries = new ArrayList<>();
        List<ConflictCard> conflicts = new ArrayList<>();
        for (StoredEntry stored : store.recent(0, MAX_ROWS)) {
            entries.add(rows.row(stored));
            if (!stored.entry().conflicts().isEmpty()) conflicts.addAll(rows.conflicts(stored));
        }
        return Optional.of(new MasterView(home(address, devices, upstream, conflicts.size()), entries, conflicts, deviceRows(devices),
                approveNew, teamEdits));
    }

    Optional<EntryDetail> detail(String uuid) {
        List<Device> devices = kit.store().devices().all();
        return kit.store().find(uuid).map(rows(devices)::detail);
    }

    /**
     * Saves the coordinator's answers as a master edit of the entry (master priority), through the
     * same push path the devices use. Returns what happened in plain words.
     */
    String edit(String uuid, Map<String, JsonNode> answers) {
        StoredEntry stored = kit.store().find(uuid).orElseThrow(() -> new IllegalArgumentException(Text.get("window.edit.gone")));
        Entry e = stored.entry();
        Form form = kit.store().forms().version(e.formId(), e.formVersion())
                .orElseThrow(() -> new IllegalArgumentException(Text.get("window.edit.noForm")));
        HlcClock clock = kit.identity().clock();
        Map<String, FieldValue> fields = new TreeMap<>();
        e.fields().forEach((name, v) -> fields.put(name, v.withoutBase()));
        for (FormField f : form.answerFields()) {
            if (!answers.containsKey(f.name())) continue;
            JsonNode value = answers.get(f.name());
            FieldValue held = e.fields().get(f.name());
            if (held == null ? value.isNull() || FieldText.text(value).isEmpty() : FieldText.same(held.value(), value)) continue;
            fields.put(f.name(), FieldValue.edit(value, clock.now(), held == null ? "" : held.hlc()));
        }
        Entry edited = new Entry(e.uuid(), e.formId(), e.formVersion(), fields,
                e.deleted() == null ? null : e.deleted().withoutBase(), e.createdAt(), e.createdBy(), 0, null, null);
        PushResult result = kit.hub().pushService().push(kit.identity().deviceId(), List.of(edited)).get(0);
        switch (result.status()) {
            case DUPLICATE:
                return Text.get("window.edit.unchanged");
            case REJECTED:
                throw new IllegalArgumentException(Text.get("window.edit.refused", result.reason()));
            default:
                return Text.get("window.edit.saved");
        }
    }

    /** Keeps {@code chosen} for the field and closes its open conflicts. */
    void resolve(String uuid, String field, JsonNode chosen) {
        kit.hub().pushService().resolveConflict(uuid, field, chosen);
    }

    void rename(String deviceId, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 60) throw new IllegalArgumentException(Text.get("window.device.nameLength", 60));
        kit.store().devices().rename(deviceId, clean);
    }

    void revoke(String deviceId) {
        kit.store().devices().revoke(deviceId);
    }

    void approve(String deviceId) {
        kit.store().devices().setApproved(deviceId, true);
    }

    String renewJoinCode() {
        return kit.renewJoinCode();
    }

    List<Form> forms() {
        return kit.store().forms().latest();
    }

    /**
     * Saves the draft as the next version of its form, or as version 1 of a new form (no form id);
     * devices get it with their next form list.
     */
    Form saveForm(FormDraft draft) {
        FormCatalog catalog = kit.store().forms();
        if (draft.formId() != null && !draft.formId().isBlank()) {
            Optional<String> imported = catalog.latest(draft.formId()).map(Form::source);
            if (imported.isPresent()) {
                throw new IllegalArgumentException(Text.get("window.form.imported", imported.get()));
            }
            int next = catalog.latest(draft.formId()).map(f -> f.version() + 1).orElse(1);
            Form form = draft.toForm(next);
            catalog.save(form);
            return form;
        }
        Form first = draft.toForm(1);
        String id = first.id();
        for (int n = 2; catalog.latest(id).isPresent(); n++) id = first.id() + "_" + n;
        Form form = new Form(id, 1, first.title(), first.fields());
        catalog.save(form);
        return form;
    }

    /** Imports an XLSForm as the next version of its form; a refused file comes back as its problems. */
    FormImportResult importForm(Path file) {
        try {
            return new FormImportResult(XlsFormImport.into(kit.store().forms(), file), List.of());
        } catch (XlsFormRefusedException refused) {
            return new FormImportResult(null, refused.problems().stream().map(Problem::toString).toList());
        }
    }

    private Home home(JoinAddress address, List<Device> devices, UpstreamStatus upstream, int openConflicts) {
        long since = System.currentTimeMillis() - CONNECTED_WITHIN_MS;
        int[] counts = new int[4];
        int waiting = 0;
        for (Device d : devices) {
            if (!d.revoked() && !d.approved()) waiting++;
            if (!usable(d)) continue;
            int base = "phone".equals(d.kind()) ? 0 : 2;
            counts[base + 1]++;
            if (d.lastSeen() >= since) counts[base]++;
        }
        KitStore store = kit.store();
        List<String> moved = addressChange.observe(address.hostAndPort(), devices, System.currentTimeMillis())
                .map(Words::addressMoved).orElse(List.of());
        return new Home(kit.identity().name(), address.joinUrl(kit.joinCode()), address.setupUrl(kit.joinCode()), address.reach(),
                kit.laptopJoinCode(), counts[0], counts[1], counts[2], counts[3],
                store.countCreatedSince(Words.startOfToday()), store.entryCount(), apiLine(upstream), apiProblem(upstream), openConflicts, waiting,
                moved);
    }

    private List<DeviceRow> deviceRows(List<Device> devices) {
        long now = System.currentTimeMillis();
        return devices.stream()
                .sorted((a, b) -> Boolean.compare(a.approved() || a.revoked(), b.approved() || b.revoked()))
                .map(d -> new DeviceRow(d.deviceId(), d.name(), Words.deviceKind(d.kind()), Words.ago(d.lastSeen(), now),
                        Words.connection(d.secure()), kit.store().countCreatedBy(d.deviceId()),
                        d.revoked() ? Text.get("window.device.removed")
                                : d.approved() ? Text.get("window.device.approved") : Text.get("window.device.waiting"),
                        !d.revoked() && !d.approved(), d.revoked()))
                .toList();
    }

    private EntryRows rows(List<Device> devices) {
        Map<String, String> names = new HashMap<>();
        devices.forEach(d -> names.put(d.deviceId(), d.name()));
        names.put(kit.identity().deviceId(), Text.get("window.coordinator"));
        return new EntryRows(kit.store().forms(), id -> names.getOrDefault(id, id == null ? "" : id), kit.uploads()::of);
    }

    private static boolean usable(Device d) {
        return d.approved() && !d.revoked();
    }

    static boolean apiSetUp(UpstreamStatus upstream) {
        return upstream != null && !"disabled".equals(upstream.state());
    }

    /** The upload state in one line, or "not set up". */
    static String apiLine(UpstreamStatus s) {
        if (!apiSetUp(s)) return Text.get("window.api.notSetUp");
        String line = Text.get("window.api.counts", s.state(), s.synced(), s.pending())
                + (s.failed() > 0 ? Text.get("window.api.refused", s.failed()) : "");
        return apiProblem(s) ? Text.get("window.api.problem", line, s.lastError()) : line;
    }

    /** The uploads report a problem (the home screen shows the line in red). */
    static boolean apiProblem(UpstreamStatus s) {
        return apiSetUp(s) && s.lastError() != null && !s.lastError().isBlank();
    }
}
