package org.lankit.store;

import io.objectbox.Box;
import io.objectbox.query.Query;
import io.objectbox.query.QueryBuilder.StringOrder;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.lankit.sync.DefaultForm;
import org.lankit.sync.Form;

/** Every version of every form; devices get the latest version of each. */
public final class FormCatalog {

    private final Box<FormRecord> box;
    private final LongSupplier clock;
    private final FailedCommits commits;
    private final List<Runnable> savedListeners = new CopyOnWriteArrayList<>();

    FormCatalog(Box<FormRecord> box, LongSupplier clock, FailedCommits commits) {
        this.box = box;
        this.clock = clock;
        this.commits = commits;
    }

    /** Installs the built-in form on first start (when there are no forms at all). */
    public synchronized void installDefaultIfEmpty() {
        if (box.count() == 0) save(DefaultForm.householdVisit());
    }

    public synchronized void save(Form form) {
        if (version(form.id(), form.version()).isPresent()) {
            throw new IllegalArgumentException("form " + form.id() + " already has version " + form.version());
        }
        FormRecord r = new FormRecord();
        r.formId = form.id();
        r.version = form.version();
        r.json = RecordCodec.write(form);
        r.createdAt = clock.getAsLong();
        commits.write(() -> box.put(r));
        savedListeners.forEach(Runnable::run);
    }

    /** Called after each form version is saved (the hub tells devices to fetch the forms again). */
    public void onSaved(Runnable listener) {
        savedListeners.add(listener);
    }

    public List<Form> latest() {
        Map<String, Form> newest = new LinkedHashMap<>();
        box.getAll().stream().map(RecordCodec::form)
                .sorted(Comparator.comparing(Form::id).thenComparingInt(Form::version))
                .forEach(f -> newest.put(f.id(), f));
        return List.copyOf(newest.values());
    }

    public Optional<Form> latest(String formId) {
        return all(formId).stream().max(Comparator.comparingInt(Form::version));
    }

    public Optional<Form> version(String formId, int version) {
        return all(formId).stream().filter(f -> f.version() == version).findFirst();
    }

    /** Every version of every form, by id and then version. */
    public List<Form> all() {
        return box.getAll().stream().map(RecordCodec::form)
                .sorted(Comparator.comparing(Form::id).thenComparingInt(Form::version)).toList();
    }

    public List<Form> all(String formId) {
        try (Query<FormRecord> q = box.query(FormRecord_.formId.equal(formId, StringOrder.CASE_SENSITIVE)).build()) {
            return q.find().stream().map(RecordCodec::form).toList();
        }
    }
}
