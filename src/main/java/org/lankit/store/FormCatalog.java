package org.lankit.store;

import io.objectbox.Box;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.lankit.sync.DefaultForm;
import org.lankit.sync.Form;
import org.lankit.sync.FormShape;

/**
 * Every version of every form; devices get the latest version of each. The master checks each
 * pushed entry against its form version, so the versions are read from the store once and kept
 * in memory (a team has a handful); a save drops that copy and the next read loads it again.
 * Loading and saving take the same lock, so a copy loaded while a save was under way is never
 * kept. Thread-safe.
 */
public final class FormCatalog {

    private static final Comparator<Form> BY_ID_AND_VERSION = Comparator.comparing(Form::id).thenComparingInt(Form::version);

    private final Box<FormRecord> box;
    private final LongSupplier clock;
    private final FailedCommits commits;
    private final List<Runnable> savedListeners = new CopyOnWriteArrayList<>();
    /** Every version, by id and then version, or null until read after the last save. */
    private volatile Versions versions;

    FormCatalog(Box<FormRecord> box, LongSupplier clock, FailedCommits commits) {
        this.box = box;
        this.clock = clock;
        this.commits = commits;
    }

    /** Installs the built-in form on first start (when there are no forms at all). */
    public synchronized void installDefaultIfEmpty() {
        if (ReadTx.read(box, box::count) == 0) save(DefaultForm.householdVisit());
    }

    /** Saves a new version; refuses one that is already here or that {@link FormShape} refuses (IllegalArgumentException). */
    public synchronized void save(Form form) {
        FormShape.check(form);
        if (version(form.id(), form.version()).isPresent()) {
            throw new IllegalArgumentException("form " + form.id() + " already has version " + form.version());
        }
        FormRecord r = new FormRecord();
        r.formId = form.id();
        r.version = form.version();
        r.json = RecordCodec.write(form);
        r.createdAt = clock.getAsLong();
        try {
            commits.write(() -> box.put(r));
        } finally {
            versions = null;
        }
        savedListeners.forEach(Runnable::run);
    }

    /** Called after each form version is saved (the hub tells devices to fetch the forms again). */
    public void onSaved(Runnable listener) {
        savedListeners.add(listener);
    }

    public List<Form> latest() {
        Map<String, Form> newest = new LinkedHashMap<>();
        versions().all.forEach(f -> newest.put(f.id(), f));
        return List.copyOf(newest.values());
    }

    public Optional<Form> latest(String formId) {
        return all(formId).stream().max(Comparator.comparingInt(Form::version));
    }

    public Optional<Form> version(String formId, int version) {
        return Optional.ofNullable(versions().byKey.get(new Key(formId, version)));
    }

    /**
     * Version {@code version} as the master checks entries against it: with the questions earlier
     * versions had and this one dropped, optional and without rules, so that an entry begun on an
     * older version keeps those answers when someone edits it on the newer one.
     */
    public Optional<Form> checkedAs(String formId, int version) {
        Versions known = versions();
        return Optional.ofNullable(known.checked.computeIfAbsent(new Key(formId, version), key -> {
            Form form = known.byKey.get(key);
            return form == null ? null : RetiredQuestions.kept(form, known.all);
        }));
    }

    /** Every version of every form, by id and then version. */
    public List<Form> all() {
        return versions().all;
    }

    public List<Form> all(String formId) {
        return versions().all.stream().filter(f -> f.id().equals(formId)).toList();
    }

    private Versions versions() {
        Versions known = versions;
        return known != null ? known : load();
    }

    private synchronized Versions load() {
        if (versions == null) {
            List<Form> all = ReadTx.read(box, box::getAll).stream().map(RecordCodec::form).sorted(BY_ID_AND_VERSION).toList();
            // the first record of a version wins, as a store query in record order found it
            Map<Key, Form> byKey = all.stream().collect(Collectors.toMap(f -> new Key(f.id(), f.version()), Function.identity(), (first, later) -> first));
            versions = new Versions(all, Map.copyOf(byKey), new ConcurrentHashMap<>());
        }
        return versions;
    }

    private record Key(String formId, int version) {
    }

    /** {@code checked}: {@link #checkedAs}'s forms, made when first asked. */
    private record Versions(List<Form> all, Map<Key, Form> byKey, Map<Key, Form> checked) {
    }
}
