package org.lankit.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of one {@link CouchServer} database where another writer is always one
 * step ahead: just before each {@code _bulk_docs} reaches the server, it changes the watched
 * document, so every write of it conflicts. Everything else passes through as it is. Always close it.
 */
public final class RivalWriterProxy implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String target;
    private final CouchDatabase db;
    private final String watchedId;
    private final AtomicInteger rivalWrites = new AtomicInteger();

    private RivalWriterProxy(CouchServer couch, CouchDatabase db, String watchedId) throws IOException {
        this.target = couch.url();
        this.db = db;
        this.watchedId = watchedId;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/", this::forward);
        server.start();
    }

    public static RivalWriterProxy in(CouchServer couch, CouchDatabase db, String watchedId) throws IOException {
        return new RivalWriterProxy(couch, db, watchedId);
    }

    /** The database's address through this proxy. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + db.name();
    }

    /** How often the rival changed the document. */
    public int rivalWrites() {
        return rivalWrites.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().toString();
            if (path.endsWith("/_bulk_docs")) writeFirst();
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + path)).timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null) b.header("Content-Type", type);
            HttpResponse<byte[]> answer = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeFirst() throws IOException {
        ObjectNode doc = (ObjectNode) db.doc(watchedId).orElseThrow();
        doc.put("rivalEdits", doc.path("rivalEdits").asInt() + 1);
        db.put(doc);
        rivalWrites.incrementAndGet();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
