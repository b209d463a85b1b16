package org.lankit.sync;

/** The master's new state of an entry after a push, and what happened. {@code entry} is the stored
 * one unchanged for duplicates and null for rejections. */
public record MergeOutcome(Entry entry, PushStatus status, String error) {

    static MergeOutcome rejected(String error) {
        return new MergeOutcome(null, PushStatus.REJECTED, error);
    }
}
