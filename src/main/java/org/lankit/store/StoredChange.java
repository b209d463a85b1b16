package org.lankit.store;

import org.lankit.sync.Entry;

/** One entry of the changes feed as stored: its seq and its JSON, parsed only when asked. */
public record StoredChange(long seq, String json) {

    public Entry entry() {
        return RecordCodec.read(json, Entry.class);
    }
}
