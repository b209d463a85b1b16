package org.lankit.backup;

/** What an import did: forms and devices added, entries created, updated or already equal, how
 * many of them opened new conflicts, and audit events restored. */
public record ImportReport(int formsAdded, int devicesAdded, long created, long updated, long unchanged,
                           long withNewConflicts, long auditRestored) {

    /** One line for people: the log, the command line, the panel. */
    public String summary() {
        return created + " new, " + updated + " updated, " + unchanged + " unchanged, " + withNewConflicts
                + " with new conflicts; " + formsAdded + " form version(s), " + devicesAdded + " device(s), "
                + auditRestored + " audit event(s) restored";
    }
}
