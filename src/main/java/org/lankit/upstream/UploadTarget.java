package org.lankit.upstream;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A team server the master delivers entries to, in its own protocol. The {@link Uploader} owns
 * batching, bookkeeping and the Failsafe policies; a target only turns entry revisions into
 * requests and answers into a per-entry outcome. Delivering the same prepared batch again must
 * never create a second copy on the server (idempotent by design: a key, an instanceID, a
 * document id). Implementations are thread-safe.
 */
public interface UploadTarget {

    TargetKind kind();

    /**
     * What goes over the wire for these revisions, built once: it is kept with the batch in flight,
     * so every try, also after a restart, sends the same.
     */
    String prepare(List<Outgoing> entries);

    /**
     * One try of {@code batch} (whose {@link Batch#body()} {@link #prepare} made). Completes with the
     * server's final word ({@link ApiAnswer}: per-entry rejections, and the server's ref for each
     * delivered entry), or fails with a retryable error ({@link java.io.IOException},
     * {@link RetryableAnswer}) for the retry policy.
     */
    CompletableFuture<ApiAnswer> send(Batch batch);

    /**
     * "Test connection": one or two requests, told in plain words. {@code formIds} are the kit's
     * forms; a target that needs them on the server says which are missing. Blocks up to the
     * request timeout.
     */
    ConnectionCheck check(Collection<String> formIds);

    /** The server's address, for the offline probe (host and port) and for messages. */
    URI address();

    /** {@code text} with this target's credentials (and anything like one) hidden. */
    String redact(String text);
}
