package org.lankit.ui;

import org.lankit.ui.Views.EntryRow;

/** The choices of the Entries screen's "Show" list: where an entry stands. */
enum EntryFilter {
    ALL,
    TODAY,
    REVIEW,
    NOT_SENT,
    REFUSED,
    DELETED;

    boolean shows(EntryRow row, long startOfToday) {
        return switch (this) {
            case ALL -> true;
            case TODAY -> row.createdAt() >= startOfToday;
            case REVIEW -> row.needsReview();
            case NOT_SENT -> !row.sentToApi();
            case REFUSED -> row.apiRefused();
            case DELETED -> row.deleted();
        };
    }

    @Override
    public String toString() {
        return switch (this) {
            case ALL -> Text.get("entries.show.all");
            case TODAY -> Text.get("entries.show.today");
            case REVIEW -> Text.get("entries.show.review");
            case NOT_SENT -> Text.get("entries.show.notSent");
            case REFUSED -> Text.get("entries.show.refused");
            case DELETED -> Text.get("entries.show.deleted");
        };
    }
}
