package org.lankit.ui;

import java.util.Locale;
import org.lankit.ui.Views.EntryRow;

/**
 * What the Entries screen is asked to show: words to find in an entry's answers, form or worker's
 * name, one form (null: every form), one worker (null: everyone) and where the entry stands.
 */
record EntrySearch(String words, String formId, String worker, EntryFilter state) {

    boolean shows(EntryRow row, long startOfToday) {
        String needle = words == null ? "" : words.strip().toLowerCase(Locale.ROOT);
        return (needle.isEmpty() || row.searchText().contains(needle))
                && (formId == null || formId.equals(row.formId()))
                && (worker == null || worker.equals(row.who()))
                && state.shows(row, startOfToday);
    }
}
