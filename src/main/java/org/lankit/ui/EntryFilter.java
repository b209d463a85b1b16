package org.lankit.ui;

import java.util.Locale;
import org.lankit.ui.Views.EntryRow;

/** The choices of the Entries screen's "Show" list, and the search over what a row says. */
enum EntryFilter {
    ALL("All entries"),
    TODAY("Entered today"),
    REVIEW("Needs review"),
    NOT_SENT("Not yet at the API"),
    REFUSED("Not accepted by the API"),
    DELETED("Deleted");

    private final String words;

    EntryFilter(String words) {
        this.words = words;
    }

    boolean shows(EntryRow row, String search, long startOfToday) {
        String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        if (!needle.isEmpty() && !row.searchText().contains(needle)) return false;
        switch (this) {
            case TODAY:
                return row.createdAt() >= startOfToday;
            case REVIEW:
                return row.needsReview();
            case NOT_SENT:
                return !row.sentToApi();
            case REFUSED:
                return row.apiRefused();
            case DELETED:
                return row.deleted();
            default:
                return true;
        }
    }

    @Override
    public String toString() {
        return words;
    }
}
