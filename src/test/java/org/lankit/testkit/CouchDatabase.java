package org.lankit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One database on a {@link CouchServer}, as a test looks into it: straight to the server (never
 * through a faulty proxy), with the server's login. Documents come back as CouchDB holds them.
 */
public final class CouchDatabase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String serverUrl;
    private final String name;
    private final String authorization;

    CouchDatabase(String serverUrl, String name, String user, String password) {
        this.serverUrl = serverUrl;
        this.name = name;
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public String name() {
        return name;
    }

    /** The database's address, as a team would type it into Lankit's settings. */
    public String url() {
        return serverUrl + "/" + name;
    }

    public CouchDatabase create() throws IOException {
        HttpResponse<String> r = send("PUT", "", null);
        if (r.statusCode() != 201) throw new IOException("creating " + name + ": HTTP " + r.statusCode() + " " + r.body());
        return this;
    }

    public boolean exists() throws IOException {
        return send("GET", "", null).statusCode() == 200;
    }

    /** Every live document, design documents left out. */
    public List<JsonNode> docs() throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        for (JsonNode row : json(send("GET", "/_all_docs?include_docs=true", null)).path("rows")) {
            if (!row.path("id").asText().startsWith("_design/")) docs.add(row.path("doc"));
        }
        return docs;
    }

    public Optional<JsonNode> doc(String id) throws IOException {
        HttpResponse<String> r = send("GET", "/" + encode(id), null);
        if (r.statusCode() == 404) return Optional.empty();
        return Optional.of(json(r));
    }

    /** Writes a document as another of the team's tools would (its {@code _rev} decides); returns the new rev. */
    public String put(ObjectNode doc) throws IOException {
        HttpResponse<String> r = send("PUT", "/" + encode(doc.path("_id").asText()), JSON.writeValueAsString(doc));
        if (r.statusCode() != 201) throw new IOException("writing " + doc.path("_id") + ": HTTP " + r.statusCode() + " " + r.body());
        return json(r).path("rev").asText();
    }

    /** The bytes of a document's attachment as the server holds them, or empty when it has none of that name. */
    public Optional<byte[]> attachment(String id, String name) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + "/" + encode(id) + "/" + encode(name))).timeout(Duration.ofSeconds(30));
        if (authorization != null) b.header("Authorization", authorization);
        try {
            HttpResponse<byte[]> r = HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 404) return Optional.empty();
            if (r.statusCode() != 200) throw new IOException(name + ": HTTP " + r.statusCode());
            return Optional.of(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Every revision id the server still knows of a document, newest first (its history, not only the leaf). */
    public List<String> revisions(String id) throws IOException {
        JsonNode revs = json(send("GET", "/" + encode(id) + "?revs=true", null)).path("_revisions");
        List<String> out = new ArrayList<>();
        int start = revs.path("start").asInt();
        for (JsonNode hash : revs.path("ids")) out.add((start - out.size()) + "-" + hash.asText());
        return out;
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        if (authorization != null) b.header("Authorization", authorization);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private JsonNode json(HttpResponse<String> r) throws IOException {
        if (r.statusCode() / 100 != 2) throw new IOException(name + ": HTTP " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
