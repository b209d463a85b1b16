package org.lankit.backup;

import java.io.IOException;
import org.lankit.store.KitStore;
import org.lankit.store.Page;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Entry;

/** Walks every entry of one form, page by page, for a CSV file. */
final class FormEntries {

    static final int PAGE = 500;

    interface EntryRows {
        void accept(Entry entry) throws IOException;
    }

    private FormEntries() {
    }

    static void forEach(KitStore store, String formId, EntryRows rows) throws IOException {
        long after = 0;
        // one walk over all entries per file: a walk filtered by form would rescan its index each page
        for (Page<StoredEntry> page = store.entryPage(after, PAGE); !page.isEmpty(); page = store.entryPage(after, PAGE)) {
            for (StoredEntry stored : page.items()) {
                if (stored.entry().formId().equals(formId)) rows.accept(stored.entry());
            }
            after = page.lastId();
        }
    }
}
