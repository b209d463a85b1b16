package org.lankit.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A CouchDB database (or anything speaking its HTTP API, such as PouchDB Server) as an upload
 * target: one document per entry, written with {@code _bulk_docs} ({@link CouchDocs} says what a
 * document holds, {@link CouchBulkSend} how conflicts are settled). The address is the database's,
 * {@code http://host:5984/survey}; the database must exist (Lankit does not create it: a misspelt
 * name would otherwise quietly start an empty database), and "Test connection" says when it does
 * not. Thread-safe.
 */
public final class CouchTarget implements UploadTarget {

    private final TargetSettings settings;
    private final CouchHttp couch;
    private final AttachmentFiles photos;

    public CouchTarget(TargetSettings settings, Duration requestTimeout, AttachmentFiles photos) {
        this.settings = settings;
        this.photos = photos;
        this.couch = new CouchHttp(settings.server(), requestTimeout);
    }

    @Override
    public TargetKind kind() {
        return TargetKind.COUCHDB;
    }

    @Override
    public String prepare(List<Outgoing> entries) {
        return CouchDocs.bulkBody(entries, photos);
    }

    @Override
    public CompletableFuture<ApiAnswer> send(Batch batch) {
        return new CouchBulkSend(couch, batch, photos).run();
    }

    /** Forms play no part: every entry goes into the one database, whatever its form. */
    @Override
    public ConnectionCheck check(Collection<String> formIds) {
        return CouchConnectionCheck.run(couch, settings.server());
    }

    @Override
    public URI address() {
        return settings.server().url();
    }

    @Override
    public String redact(String text) {
        return settings.server().redact(text);
    }

    @Override
    public String toString() {
        return "CouchDB " + settings;
    }
}
