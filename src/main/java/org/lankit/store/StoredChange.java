package org.lankit.store;

/** One entry of the changes feed as stored: its seq and its JSON, not parsed. */
public record StoredChange(long seq, String json) {
}
