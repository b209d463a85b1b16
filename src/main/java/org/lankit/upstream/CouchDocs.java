package org.lankit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lankit.sync.Entry;
import org.lankit.sync.EntryForm;
import org.lankit.sync.Json;

/**
 * Entries as CouchDB documents, one per entry: {@code _id} is the entry's uuid, {@code _rev} the
 * revision this target last stored (left out for a first upload), then the entry exactly as
 * protocol.md's entry form v1 writes it (every field with its clock, so the data can be merged
 * back), and {@code lankit}: the master's seq of this revision, a plain deleted flag and the
 * names of its photos ({@code photos}), whose bytes go inline as the document's
 * {@code _attachments} when the batch is sent ({@link CouchAttachments}). A deleted
 * entry stays a full document with {@code lankit.deleted} true, never a CouchDB {@code _deleted}
 * tombstone, which would drop its data and clocks. Stateless.
 */
final class CouchDocs {

    static final String LANKIT = "lankit";
    /** In {@link #LANKIT}: the photos of this revision, sent as the document's {@code _attachments}. */
    static final String PHOTOS = "photos";
    static final String ATTACHMENTS = "_attachments";
    /** The members Lankit writes (entry form v1's and its own); anything else in a document is another writer's. */
    private static final Set<String> OURS = Set.of("_id", "_rev", "uuid", "formId", "formVersion", "fields", "deleted",
            "createdAt", "createdBy", "seq", "conflicts", "settled", LANKIT);

    private CouchDocs() {
    }

    /** The {@code _bulk_docs} body for these revisions: {@code {"docs":[...]}}. */
    static String bulkBody(List<Outgoing> entries, AttachmentFiles photos) {
        ArrayNode docs = Json.MAPPER.createArrayNode();
        for (Outgoing o : entries) docs.add(doc(o, photos.namedBy(o.entry())));
        return write(Json.MAPPER.createObjectNode().set("docs", docs));
    }

    static ObjectNode doc(Outgoing outgoing, List<String> photos) {
        Entry entry = outgoing.entry();
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("_id", entry.uuid());
        if (outgoing.previous() != null && outgoing.previous().ref() != null) doc.put("_rev", outgoing.previous().ref());
        doc.setAll(v1(entry));
        ObjectNode lankit = doc.putObject(LANKIT).put("seq", entry.seq()).put("deleted", entry.isDeleted());
        if (!photos.isEmpty()) photos.forEach(lankit.putArray(PHOTOS)::add);
        return doc;
    }

    /**
     * {@code next} with what another writer keeps in {@code current} beside the entry: its own
     * members (a reviewer's note) and attachments (as stubs, which keep them). CouchDB's other
     * {@code _} members are the server's to set.
     */
    static ObjectNode keepingOthers(ObjectNode next, JsonNode current) {
        current.fields().forEachRemaining(m -> {
            String name = m.getKey();
            boolean theirs = !OURS.contains(name) && !name.startsWith("_");
            if (theirs) next.set(name, m.getValue());
        });
        // their attachments as stubs beside ours: a name of ours carries this revision's bytes
        JsonNode attached = current.path(ATTACHMENTS);
        if (attached.isObject() && !attached.isEmpty()) {
            ObjectNode merged = next.has(ATTACHMENTS) ? (ObjectNode) next.get(ATTACHMENTS) : next.putObject(ATTACHMENTS);
            attached.fields().forEachRemaining(a -> {
                if (!merged.has(a.getKey())) merged.set(a.getKey(), a.getValue());
            });
        }
        return next;
    }

    /** The docs of a body {@link #bulkBody} made. */
    static List<ObjectNode> docsOf(String body) {
        try {
            List<ObjectNode> docs = new ArrayList<>();
            for (JsonNode d : Json.MAPPER.readTree(body).path("docs")) docs.add((ObjectNode) d);
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("a stored CouchDB batch is not JSON", e);
        }
    }

    /** The master's seq of the revision a document holds; 0 for a document Lankit did not write. */
    static long seqOf(JsonNode doc) {
        return doc.path(LANKIT).path("seq").asLong(0);
    }

    static String write(JsonNode json) {
        try {
            return Json.MAPPER.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entry in form v1 as a tree, through a token buffer rather than text and back. */
    private static ObjectNode v1(Entry entry) {
        try (TokenBuffer buffer = new TokenBuffer(Json.MAPPER, false)) {
            EntryForm.V1.writer().writeValue(buffer, entry);
            return Json.MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
