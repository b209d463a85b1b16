package org.lankit.upstream;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.NoSuchElementException;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.ImageAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AttachmentFiles} over the master's store: the entry's form version says which answers
 * are photos, the store's {@link org.lankit.store.Attachments} holds their bytes. A photo the
 * master lacks (an entry restored from a backup made before photos were kept) is left out, and
 * the entry goes without it.
 */
final class StoredAttachmentFiles implements AttachmentFiles {

    private static final Logger LOG = LoggerFactory.getLogger(StoredAttachmentFiles.class);

    private final KitStore store;

    StoredAttachmentFiles(KitStore store) {
        this.store = store;
    }

    @Override
    public List<String> namedBy(Entry entry) {
        var form = store.forms().version(entry.formId(), entry.formVersion());
        if (form.isEmpty()) return List.of();
        return ImageAnswers.names(entry.fields(), form.get()).stream().filter(name -> {
            boolean held = store.attachments().holds(name);
            if (!held) LOG.warn("entry {} names photo {}, which this master does not hold: it goes without it", entry.uuid(), name);
            return held;
        }).toList();
    }

    @Override
    public long bytesOf(Entry entry) {
        long total = 0;
        for (String name : namedBy(entry)) {
            try {
                total += Files.size(store.attachments().file(name).orElseThrow());
            } catch (IOException | NoSuchElementException gone) {
                // counted as nothing: sending it will say what is wrong
            }
        }
        return total;
    }

    @Override
    public byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(store.attachments().file(name).orElseThrow(() -> new IOException("the master holds no photo " + name)));
    }
}
