package org.lankit.bench;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.lankit.sync.DefaultForm;
import org.lankit.testkit.CouchDatabase;
import org.lankit.testkit.CouchServer;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.OpenRosaServer;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/**
 * A team server {@link UploadBenchmark} uploads to, fresh for each run (a new API, OpenRosa server
 * or database), and the check afterwards that it holds every entry once. Close it after the run.
 */
interface UploadBenchTarget extends AutoCloseable {

    TargetSettings settings();

    /** Throws unless the server holds {@code n} entries, each revision once. */
    void verify(int n) throws IOException;

    /** Requests the server saw, or -1 where it does not count them. */
    int requests();

    @Override
    void close();

    static TargetSettings settings(TargetKind kind, String url, String token) {
        return new TargetSettings(TargetSettings.MAIN, kind, new ApiTarget(URI.create(url), token, "", ""), Map.of());
    }

    /** The test kit's accept-all JSON API (a JDK HTTP server that parses and records every batch). */
    static UploadBenchTarget json() throws IOException {
        FakeTeamApi api = FakeTeamApi.start().keepNoRequestLog();
        return new UploadBenchTarget() {
            @Override
            public TargetSettings settings() {
                return UploadBenchTarget.settings(TargetKind.JSON, api.url(), "bench-token");
            }

            @Override
            public void verify(int n) {
                if (api.storedRevisions() != n || api.mostTimesAnyRevisionWasStored() != 1) {
                    throw new IllegalStateException("the API stored " + api.storedRevisions() + " revisions, expected " + n + " once each");
                }
            }

            @Override
            public int requests() {
                return api.requestCount();
            }

            @Override
            public void close() {
                api.close();
            }
        };
    }

    /**
     * The test kit's OpenRosa server (as ODK Central is addressed: an app-user token in the path),
     * with the bench entries' form published; it checks every submission against the spec.
     */
    static UploadBenchTarget openRosa() throws IOException {
        OpenRosaServer server = OpenRosaServer.start("/v1/key/BenchTokenAbCdEfGhIjKlMnOpQrStUvWxYz0123/projects/1")
                .publish(DefaultForm.ID, "2026120301");
        return new UploadBenchTarget() {
            @Override
            public TargetSettings settings() {
                return UploadBenchTarget.settings(TargetKind.OPENROSA, server.url(), "");
            }

            @Override
            public void verify(int n) {
                if (!server.violations().isEmpty()) throw new IllegalStateException("requests broke the spec: " + server.violations().get(0));
                if (server.instanceCount() != n || server.duplicateCount() != 0) {
                    throw new IllegalStateException("the server holds " + server.instanceCount() + " instances ("
                            + server.duplicateCount() + " duplicates answered), expected " + n + " once each");
                }
            }

            @Override
            public int requests() {
                return server.submissionCount() + server.formListCount();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    /** A new database on a running CouchDB-protocol server (express-pouchdb on leveldb). */
    static UploadBenchTarget couch(CouchServer couch, AtomicInteger databases) throws IOException {
        CouchDatabase db = couch.database("bench_" + databases.incrementAndGet()).create();
        return new UploadBenchTarget() {
            @Override
            public TargetSettings settings() {
                return UploadBenchTarget.settings(TargetKind.COUCHDB, db.url(), "");
            }

            @Override
            public void verify(int n) throws IOException {
                int docs = db.docs().size();
                if (docs != n) throw new IllegalStateException("the database holds " + docs + " documents, expected " + n);
            }

            @Override
            public int requests() {
                return -1;
            }

            @Override
            public void close() {
                // the database stays until the server stops
            }
        };
    }
}
