package org.lankit.backup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lankit.store.KitStore;
import org.lankit.sync.Form;

/**
 * Writes {@code <form id>.csv} for every form, and {@code <form id>-<repeat>.csv} for each of its
 * repeats, into a folder, each file atomically.
 */
public final class CsvExporter {

    private final KitStore store;

    public CsvExporter(KitStore store) {
        this.store = store;
    }

    /** Returns the files written. */
    public List<Path> exportTo(Path folder) {
        return store.snapshot(() -> {
            List<Form> forms = store.forms().all();
            Set<String> ids = new LinkedHashSet<>();
            forms.forEach(f -> ids.add(f.id()));
            List<Path> written = new ArrayList<>();
            for (String id : ids) {
                for (CsvFile csv : CsvFile.ofForm(id, forms)) {
                    Path file = folder.resolve(csv.fileName());
                    AtomicFile.write(file, out -> csv.write(store, out));
                    written.add(file);
                }
            }
            return written;
        });
    }
}
