package org.lankit.store;

/**
 * What one team server holds of one entry, and whether it refused a later revision.
 *
 * @param deliveredSeq the seq of the revision the server took last, 0 when none
 * @param ref          the server's name for that revision, or null
 * @param failedSeq    the seq of the revision it refused, 0 when it refuses none
 * @param error        why, in words (already redacted), when it refused one
 */
public record Delivery(String target, String uuid, long deliveredSeq, String ref, long failedSeq, String error) {

    public boolean isRefused() {
        return failedSeq > 0;
    }

    /** Whether the server has answered about the revision at {@code seq} (took it or refused it). */
    public boolean answered(long seq) {
        return seq == deliveredSeq || seq == failedSeq;
    }
}
