package org.lankit.sync;

/**
 * The team's retention on a device: when a phone or client laptop may drop its own copy of an
 * entry. Only a copy that holds nothing of this device's alone may go: no edit the master has not
 * acknowledged (none pending, none refused), no open conflict, and nobody changed it for the
 * given number of days (the newest field or tombstone clock is older). The master keeps such
 * entries, or removed them itself only after the team's API had them, so nothing is lost; a
 * later change on the master brings the entry back through the changes feed.
 */
public final class DeviceRetention {

    public static final long DAY_MS = 86_400_000L;

    private DeviceRetention() {
    }

    /**
     * {@code heldBack}: the device's store says the entry still waits for the master or was
     * refused. {@code nowMs}: the device's master-corrected time.
     */
    public static boolean mayDrop(Entry copy, boolean heldBack, long nowMs, int days) {
        if (days < 1 || heldBack || !LocalEdits.pending(copy).isEmpty() || !copy.conflicts().isEmpty()) return false;
        String newest = copy.lastChangeHlc();
        // a copy without a readable clock cannot show its age: keep it
        if (!Hlc.isWellFormed(newest)) return false;
        return Hlc.parse(newest).wallMs() < nowMs - days * DAY_MS;
    }
}
