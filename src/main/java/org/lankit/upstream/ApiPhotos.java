package org.lankit.upstream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.lankit.sync.AttachmentName;
import org.lankit.sync.Json;

/**
 * The team API's photos: before a batch that names photos goes, each is sent on its own as
 * {@code PUT <api-url>/attachments/<name>} with its bytes (the API keeps a name once, so a try
 * again stores nothing new). The batch body lists them in {@code "attachments"}, ahead of the
 * entries, so a try reads the names without parsing the entries. One after the other; the first
 * answer that is not 2xx ends it: retried as the batch would be, or the batch refused with it.
 */
final class ApiPhotos {

    static final String MEMBER = "attachments";

    private final ServerHttp http;
    private final Duration timeout;
    private final AttachmentFiles photos;

    ApiPhotos(ServerHttp http, Duration timeout, AttachmentFiles photos) {
        this.http = http;
        this.timeout = timeout;
        this.photos = photos;
    }

    /**
     * Sends every photo {@code body} lists; completes with null when all are stored, with the
     * batch's refusal when the API refused one, or fails with a retryable error.
     */
    CompletableFuture<ApiAnswer> send(ApiTarget target, String body) {
        return next(target, namesIn(body), 0);
    }

    private CompletableFuture<ApiAnswer> next(ApiTarget target, List<String> names, int index) {
        if (index == names.size()) return CompletableFuture.completedFuture(null);
        String name = names.get(index);
        HttpRequest request;
        try {
            request = request(target, name, photos.bytes(name));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.client().sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            int status = response.statusCode();
            if (status / 100 == 2) return next(target, names, index + 1);
            if (RetryableAnswer.isRetryableStatus(status)) {
                Duration retryAfter = response.headers().firstValue("Retry-After").map(TeamApi::retryAfter).orElse(null);
                throw new RetryableAnswer(status, retryAfter, "photo " + name + ": " + TeamApi.reason(response, target));
            }
            return CompletableFuture.completedFuture(ApiAnswer.refused(status, "photo " + name + ": " + TeamApi.reason(response, target)));
        });
    }

    private HttpRequest request(ApiTarget target, String name, byte[] bytes) {
        HttpRequest.Builder b = HttpRequest.newBuilder(address(target.url(), name))
                .timeout(timeout)
                .header("Content-Type", AttachmentName.mediaType(name))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (target.hasToken()) b.header("Authorization", "Bearer " + target.token());
        return b.build();
    }

    /** {@code <api-url>/attachments/<name>}, keeping the address's query (a key some APIs take there). */
    static URI address(URI api, String name) {
        String path = api.getRawPath() == null ? "" : api.getRawPath();
        String joined = (path.endsWith("/") ? path : path + "/") + MEMBER + "/" + name;
        String query = api.getRawQuery() == null ? "" : "?" + api.getRawQuery();
        return URI.create(api.getScheme() + "://" + api.getRawAuthority() + joined + query);
    }

    /** The names listed ahead of the entries; none in a body that lists none. */
    static List<String> namesIn(String body) {
        List<String> names = new ArrayList<>();
        try (JsonParser p = Json.MAPPER.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return names;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals(MEMBER) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.VALUE_STRING) names.add(p.getText());
                    return names;
                }
                if (field.equals("entries")) return names;
                p.skipChildren();
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("a stored batch is not JSON", e);
        }
    }
}
