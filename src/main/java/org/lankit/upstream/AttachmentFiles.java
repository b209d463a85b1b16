package org.lankit.upstream;

import java.io.IOException;
import java.util.List;
import org.lankit.sync.Entry;

/**
 * The photos the targets send with an entry, by name: which ones an entry names (and the master
 * holds whole), and their bytes. Read when a batch is prepared (the names) and when it is sent (the
 * bytes, never kept in the batch). Built by {@link Uploads} over the master's store; thread-safe.
 */
public interface AttachmentFiles {

    /** None at all: targets send entries without photos. */
    AttachmentFiles NONE = new AttachmentFiles() {
        @Override
        public List<String> namedBy(Entry entry) {
            return List.of();
        }

        @Override
        public byte[] bytes(String name) throws IOException {
            throw new IOException("no photo " + name + " here");
        }

        @Override
        public long bytesOf(Entry entry) {
            return 0;
        }
    };

    /** The photos {@code entry}'s answers name that the master holds whole, each once, in form order. */
    List<String> namedBy(Entry entry);

    /** The bytes of a photo {@link #namedBy} gave. */
    byte[] bytes(String name) throws IOException;

    /** What the photos {@link #namedBy} gives for {@code entry} weigh together: batches count them with the entry. */
    long bytesOf(Entry entry);
}
