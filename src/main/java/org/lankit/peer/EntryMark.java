package org.lankit.peer;

import java.util.Locale;

/**
 * Where a device's entry stands, for the mark beside it: the same rule as the phone's
 * {@code receipts.js}, both checked against {@code src/test/resources/vectors/receipts.json}.
 */
public enum EntryMark {
    /** Not on the master yet: new, or holding an edit the master has not acknowledged. */
    WAITING,
    /** The master refused this device's edit. */
    FAILED,
    /** ✓ The master holds it. */
    ON_MASTER,
    /** ✓✓ The team's server holds the revision this device shows. */
    ON_SERVER;

    /** The name in the shared vectors. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param masterSeq       the master's seq of the revision this device holds (0: never learnt)
     * @param pending         the device holds an edit the master has not acknowledged
     * @param refusedByMaster the master refused the device's edit
     */
    public static EntryMark of(String uuid, long masterSeq, boolean pending, boolean refusedByMaster, Receipts receipts) {
        if (refusedByMaster) return FAILED;
        if (pending) return WAITING;
        return receipts.holds(uuid, masterSeq) ? ON_SERVER : ON_MASTER;
    }
}
