package org.lankit.sync;

/**
 * The master's new state of an entry after a push, and what happened. {@code entry} is the stored
 * one unchanged for duplicates and null for rejections; a rejection carries its words in
 * {@code error} and, when the device can act on it by itself, a {@code refusal} code.
 */
public record MergeOutcome(Entry entry, PushStatus status, String error, PushRefusal refusal) {

    static MergeOutcome rejected(String error) {
        return new MergeOutcome(null, PushStatus.REJECTED, error, null);
    }

    static MergeOutcome refused(PushRefusal refusal, String words) {
        return new MergeOutcome(null, PushStatus.REJECTED, words, refusal);
    }
}
