package org.lankit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.lankit.sync.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team's API as the upstream contract describes it: one POST per batch. Turns HTTP answers
 * into an {@link ApiAnswer} or a {@link RetryableAnswer}. Uses the JDK client with its default
 * trust store, so HTTPS certificates and host names are verified. Thread-safe.
 */
final class TeamApi {

    private static final Logger LOG = LoggerFactory.getLogger(TeamApi.class);
    private static final int MAX_REASON = 300;

    private final Duration timeout;
    private final ServerHttp http;

    TeamApi(Duration timeout) {
        this.timeout = timeout;
        this.http = new ServerHttp(timeout);
    }


    /** The photos {@code body} lists, one PUT each ({@link ApiPhotos}): null when all are stored, else the batch's refusal. */
    CompletableFuture<ApiAnswer> sendPhotos(ApiTarget target, String body, AttachmentFiles photos) {
        return new ApiPhotos(http, timeout, photos).send(target, body);
    }

    /** Sends the batch once; completes with the answer, or fails with a retryable error. */
    CompletableFuture<ApiAnswer> send(ApiTarget target, Batch batch) {
        return http.client().sendAsync(request(target, batch.key(), batch.body()), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> answer(response, target));
    }

    /** One blocking request, for "Test connection". */
    HttpResponse<String> sendNow(ApiTarget target, String key, String body) throws IOException, InterruptedException {
        return http.client().send(request(target, key, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(ApiTarget target, String key, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(target.url())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target.hasToken()) b.header("Authorization", "Bearer " + target.token());
        return b.build();
    }

    /** The answer, with whatever the API says back redacted: an API may echo the token or the address. */
    static ApiAnswer answer(HttpResponse<String> response, ApiTarget target) {
        int status = response.statusCode();
        if (status / 100 == 2) return ApiAnswer.accepted(status, rejected(response.body(), target));
        if (RetryableAnswer.isRetryableStatus(status)) {
            Duration retryAfter = response.headers().firstValue("Retry-After").map(TeamApi::retryAfter).orElse(null);
            throw new RetryableAnswer(status, retryAfter, reason(response, target));
        }
        return ApiAnswer.refused(status, reason(response, target));
    }

    /**
     * "HTTP 422: household_size must be at most 50", from the API's JSON error or its text, with
     * the target's credentials (and anything like one) hidden.
     */
    static String reason(HttpResponse<String> response, ApiTarget target) {
        String said = said(response.body());
        if (response.statusCode() / 100 == 3) {
            said = "the API moved to " + response.headers().firstValue("Location").orElse("another address")
                    + "; use that address";
        }
        String text = target.redact("HTTP " + response.statusCode() + (said.isEmpty() ? "" : ": " + said));
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text;
    }

    private static String said(String body) {
        if (body == null || body.isBlank()) return "";
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            for (String name : new String[] {"detail", "message", "error"}) {
                if (json != null && json.path(name).isTextual()) return json.path(name).asText();
            }
        } catch (IOException notJson) {
            // a plain-text or HTML error page: its first line says enough
        }
        return body.strip().lines().findFirst().orElse("");
    }

    private static Map<String, String> rejected(String body, ApiTarget target) {
        Map<String, String> out = new HashMap<>();
        if (body == null || body.isBlank()) return out;
        try {
            JsonNode list = Json.MAPPER.readTree(body).path("rejected");
            for (JsonNode r : list) {
                if (r.path("uuid").isTextual()) out.put(r.path("uuid").asText(), target.redact(r.path("error").asText("rejected by the API")));
            }
        } catch (IOException e) {
            LOG.warn("the API accepted a batch but its answer is not JSON; taking every entry as stored");
        }
        return out;
    }

    /** Retry-After is either seconds or an HTTP date; null when it is neither. */
    static Duration retryAfter(String value) {
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(Instant.now(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
