package org.lankit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import org.lankit.sync.AttachmentName;
import org.lankit.sync.Json;

/**
 * Puts each document's photos into a prepared {@code _bulk_docs} body as CouchDB's inline
 * attachments ({@code _attachments: {name: {content_type, data: base64}}}), just before it is
 * sent: the stored batch keeps the names only ({@code lankit.photos}), not megabytes of base64.
 * Every revision carries all of its photos (a revision without them would drop them). Stateless.
 */
final class CouchAttachments {

    private CouchAttachments() {
    }

    static String inline(String body, AttachmentFiles photos) throws IOException {
        if (!body.contains("\"" + CouchDocs.PHOTOS + "\"")) return body;
        List<ObjectNode> docs = CouchDocs.docsOf(body);
        for (ObjectNode doc : docs) {
            JsonNode names = doc.path(CouchDocs.LANKIT).path(CouchDocs.PHOTOS);
            if (!names.isArray() || names.isEmpty()) continue;
            ObjectNode attachments = doc.putObject(CouchDocs.ATTACHMENTS);
            for (JsonNode name : names) {
                attachments.putObject(name.asText())
                        .put("content_type", AttachmentName.mediaType(name.asText()))
                        .put("data", Base64.getEncoder().encodeToString(photos.bytes(name.asText())));
            }
        }
        return CouchDocs.write(Json.MAPPER.createObjectNode().set("docs", Json.MAPPER.valueToTree(docs)));
    }
}
