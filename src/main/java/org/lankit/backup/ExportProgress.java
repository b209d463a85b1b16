package org.lankit.backup;

/** Told after each page of entries written to a backup; called on the exporting thread. */
@FunctionalInterface
public interface ExportProgress {

    ExportProgress NONE = (written, total) -> { };

    void entriesWritten(long written, long total);
}
