package org.lankit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.lankit.sync.Json;

/**
 * One try of a batch against CouchDB, as named steps: write the documents ({@code _bulk_docs});
 * for those that conflict, fetch what the database holds now; a document that already holds this
 * revision (its answer was lost on an earlier try) is delivered as it is, any other is written
 * again on top of the database's current {@code _rev}, keeping what another writer added beside
 * the entry (its notes, attachments), a few rounds at most. Never a second
 * document (the {@code _id} is the entry's uuid) and never {@code new_edits: false} (which would
 * plant a conflicting branch instead of a new revision). One instance per try.
 */
final class CouchBulkSend {

    /** Rounds of fetch-and-write-again for documents another writer keeps changing; then the try is retried later. */
    static final int CONFLICT_ROUNDS = 3;

    private final CouchHttp couch;
    private final Batch batch;
    private final AttachmentFiles photos;
    private final Map<String, String> refs = new HashMap<>();
    private final Map<String, String> rejected = new HashMap<>();
    private int status;

    CouchBulkSend(CouchHttp couch, Batch batch, AttachmentFiles photos) {
        this.couch = couch;
        this.batch = batch;
        this.photos = photos;
    }

    CompletableFuture<ApiAnswer> run() {
        String body;
        try {
            body = CouchAttachments.inline(batch.body(), photos);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return couch.post("/_bulk_docs", body).thenCompose(response -> {
            ApiAnswer refused = couch.refusalOrRetry(response);
            if (refused != null) return CompletableFuture.completedFuture(refused);
            status = response.statusCode();
            List<String> conflicted = record(response);
            return conflicted.isEmpty() ? done() : resolve(conflicted, CouchDocs.docsOf(body), 1);
        });
    }

    /** Fetch what the database holds of the conflicted documents, then write again what it lacks. */
    private CompletableFuture<ApiAnswer> resolve(List<String> conflicted, List<ObjectNode> sent, int round) {
        if (round > CONFLICT_ROUNDS) {
            throw new RetryableAnswer(409, null, couch.redact("CouchDB: " + conflicted.size()
                    + " document(s) kept changing under another writer, e.g. " + conflicted.get(0) + "; trying again later"));
        }
        String keys = CouchDocs.write(Json.MAPPER.createObjectNode().set("keys", Json.MAPPER.valueToTree(conflicted)));
        return couch.post("/_all_docs?include_docs=true", keys).thenCompose(response -> {
            ApiAnswer refused = couch.refusalOrRetry(response);
            if (refused != null) return CompletableFuture.completedFuture(refused);
            List<ObjectNode> again = writeAgain(rows(response), sent, new HashSet<>(conflicted));
            if (again.isEmpty()) return done();
            String body = CouchDocs.write(Json.MAPPER.createObjectNode().set("docs", Json.MAPPER.valueToTree(again)));
            return couch.post("/_bulk_docs", body).thenCompose(written -> {
                ApiAnswer refusedAgain = couch.refusalOrRetry(written);
                if (refusedAgain != null) return CompletableFuture.completedFuture(refusedAgain);
                List<String> still = record(written);
                return still.isEmpty() ? done() : resolve(still, again, round + 1);
            });
        });
    }

    /**
     * Each conflicted document either is delivered already (the database holds this revision or a
     * later one of this master's) or goes again on top of the database's current revision.
     */
    private List<ObjectNode> writeAgain(Map<String, JsonNode> rows, List<ObjectNode> sent, Set<String> conflicted) {
        List<ObjectNode> again = new ArrayList<>();
        for (ObjectNode doc : sent) {
            String id = doc.path("_id").asText();
            if (!conflicted.contains(id)) continue;
            JsonNode row = rows.get(id);
            JsonNode current = row == null ? null : row.get("doc");
            boolean exists = current != null && current.isObject();
            if (exists && CouchDocs.seqOf(current) >= CouchDocs.seqOf(doc)) {
                refs.put(id, current.path("_rev").asText());
                continue;
            }
            ObjectNode next = exists ? CouchDocs.keepingOthers(doc.deepCopy(), current) : doc.deepCopy();
            String rev = row == null ? "" : row.path("value").path("rev").asText("");
            if (rev.isEmpty()) {
                next.remove("_rev");
            } else {
                next.put("_rev", rev);
            }
            again.add(next);
        }
        return again;
    }

    /** Notes each document's outcome; returns the ids that conflicted. */
    private List<String> record(HttpResponse<String> response) {
        List<String> conflicted = new ArrayList<>();
        for (JsonNode result : json(response)) {
            String id = result.path("id").asText();
            if (result.path("ok").asBoolean(false)) {
                refs.put(id, result.path("rev").asText());
            } else if ("conflict".equals(result.path("error").asText())) {
                conflicted.add(id);
            } else {
                String said = CouchHttp.said(result.toString());
                rejected.put(id, couch.redact("CouchDB refused the document" + (said.isEmpty() ? "" : ": " + said)));
            }
        }
        return conflicted;
    }

    private Map<String, JsonNode> rows(HttpResponse<String> response) {
        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonNode row : json(response).path("rows")) rows.put(row.path("key").asText(), row);
        return rows;
    }

    /** The final word, once every entry of the batch has one: an answer that leaves one out is no answer. */
    private CompletableFuture<ApiAnswer> done() {
        for (Batch.Item item : batch.items()) {
            if (!refs.containsKey(item.uuid()) && !rejected.containsKey(item.uuid())) {
                throw new RetryableAnswer(status, null, "CouchDB's answer did not name every document (" + item.uuid() + " missing)");
            }
        }
        return CompletableFuture.completedFuture(ApiAnswer.accepted(status, rejected, refs));
    }

    /** A 2xx answer that is not JSON came from something in between, not from CouchDB: try again. */
    private JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new RetryableAnswer(response.statusCode(), null,
                    couch.redact("the answer from CouchDB is not JSON: " + CouchHttp.said(response.body())));
        }
    }
}
