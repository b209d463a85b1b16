package org.lankit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.lankit.sync.Json;

/**
 * Requests to one CouchDB database and what its answers mean. The address is the database's
 * ({@code http://host:5984/survey}); credentials go as the server's settings say: a user name and
 * password as HTTP Basic, a token as {@code Bearer} (CouchDB's JWT login), else a
 * {@code user:password@} in the address as Basic (that is how CouchDB addresses are often written;
 * the JDK client would not send it by itself). Thread-safe.
 */
final class CouchHttp {

    private static final int MAX_REASON = 300;

    private final ApiTarget server;
    private final URI database;
    private final String authorization;
    private final Duration timeout;
    private final ServerHttp http;

    CouchHttp(ApiTarget server, Duration timeout) {
        this.server = server;
        this.database = withoutUserInfo(server.url());
        this.authorization = authorization(server);
        this.timeout = timeout;
        this.http = new ServerHttp(timeout);
    }


    /** The database's name, as the last part of its address says it. */
    String databaseName() {
        String path = database.getRawPath();
        return URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
    }

    /** {@code POST <database>/<path>} with a JSON body. */
    CompletableFuture<HttpResponse<String>> post(String path, String body) {
        HttpRequest request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.client().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET <database>}, blocking: for "Test connection". */
    HttpResponse<String> getDatabase() throws IOException, InterruptedException {
        return http.client().send(request("").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(database + path))
                .timeout(timeout)
                .header("Accept", "application/json");
        if (authorization != null) b.header("Authorization", authorization);
        return b;
    }

    /**
     * Throws for an answer worth trying again (408, 429, 5xx: a {@link RetryableAnswer} with the
     * server's Retry-After), and returns the refusal for any other that is not 2xx; null for 2xx.
     */
    ApiAnswer refusalOrRetry(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status / 100 == 2) return null;
        if (RetryableAnswer.isRetryableStatus(status)) {
            throw new RetryableAnswer(status, response.headers().firstValue("Retry-After").map(TeamApi::retryAfter).orElse(null),
                    reason(response));
        }
        return ApiAnswer.refused(status, reason(response));
    }

    /** "HTTP 404: the database "survey" does not exist at host:5984 (...)", credentials hidden, at most 300 characters. */
    String reason(HttpResponse<String> response) {
        int status = response.statusCode();
        String said = said(response.body());
        String words = switch (status) {
            case 401 -> "CouchDB at " + server.hostAndPort() + " refused the " + credentials() + (said.isEmpty() ? "" : " (" + said + ")");
            case 403 -> "CouchDB at " + server.hostAndPort() + " does not let this login use the database \"" + databaseName()
                    + "\"; make it a member" + (said.isEmpty() ? "" : " (" + said + ")");
            case 404 -> "the database \"" + databaseName() + "\" does not exist at " + server.hostAndPort()
                    + "; create it in CouchDB first (Lankit does not create databases)" + (said.isEmpty() ? "" : " (" + said + ")");
            default -> status / 100 == 3
                    ? "CouchDB moved to " + response.headers().firstValue("Location").orElse("another address") + "; use that address"
                    : said;
        };
        return cut(server.redact("HTTP " + status + (words.isEmpty() ? "" : ": " + words)));
    }

    boolean hasLogin() {
        return authorization != null;
    }

    /** What was sent to prove who Lankit is, in words. */
    String credentials() {
        if (authorization == null) return "request: no user name or token is set";
        return authorization.startsWith("Basic ") ? "user name and password" : "token";
    }

    /** {@code error: reason} from CouchDB's JSON error, else the first line of the body. */
    static String said(String body) {
        if (body == null || body.isBlank()) return "";
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            String error = json.path("error").asText("");
            String reason = json.path("reason").asText("");
            if (!error.isEmpty() || !reason.isEmpty()) return error.isEmpty() ? reason : reason.isEmpty() ? error : error + ": " + reason;
        } catch (IOException notJson) {
            // a proxy's HTML or text error page: its first line says enough
        }
        return body.strip().lines().findFirst().orElse("");
    }

    String redact(String text) {
        return cut(server.redact(text));
    }

    private static String cut(String text) {
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text;
    }

    private static String authorization(ApiTarget server) {
        if (server.hasUser()) return server.basicAuthorization();
        if (server.hasToken()) return "Bearer " + server.token();
        String userInfo = server.url().getUserInfo();
        if (userInfo == null || userInfo.isEmpty()) return null;
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /** The address without {@code user:password@} and without a trailing slash, so paths can follow it. */
    private static URI withoutUserInfo(URI url) {
        try {
            String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
            String authority = url.getRawAuthority().substring(url.getRawAuthority().lastIndexOf('@') + 1);
            return new URI(url.getScheme() + "://" + authority + path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a usable CouchDB address", e);
        }
    }
}
