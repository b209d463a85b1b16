package org.lankit.backup;

/** What an import did: forms and devices added, entries created, updated or already equal, how
 * many of them opened new conflicts, audit events and photos restored (a photo already here is kept),
 * team servers set up (only on a master that had none) and upload receipts restored. */
public record ImportReport(int formsAdded, int devicesAdded, long created, long updated, long unchanged,
                           long withNewConflicts, long auditRestored, long photosAdded, int serversAdded, long receiptsRestored) {

    /** One line for people: the log, the command line, the panel. */
    public String summary() {
        return created + " new, " + updated + " updated, " + unchanged + " unchanged, " + withNewConflicts
                + " with new conflicts; " + formsAdded + " form version(s), " + devicesAdded + " device(s), "
                + auditRestored + " audit event(s), " + photosAdded + " photo(s) restored"
                + (serversAdded > 0 ? "; " + serversAdded + " team server(s) set up again, " + receiptsRestored
                + " upload receipt(s) kept" : "");
    }
}
