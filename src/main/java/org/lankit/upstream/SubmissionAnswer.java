package org.lankit.upstream;

import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * An OpenRosa server's answer to one submitted instance.
 *
 * @param outcome what it means for the entry
 * @param status  the HTTP status
 * @param reason  the server's words, redacted (rejections and refusals)
 */
record SubmissionAnswer(Outcome outcome, int status, String reason) {

    enum Outcome {
        /** 201/202: the server stored the instance. */
        STORED,
        /** The server already holds this instanceID (a try after a lost answer): delivered all the same. */
        DUPLICATE,
        /** The server refused this instance (a 4xx other than 401/403): the entry fails with the reason. */
        REJECTED,
        /** The server refused the credentials (401, 403) or sent us elsewhere (3xx): the whole batch fails. */
        REFUSED
    }

    /**
     * The answer in {@code response}; 408, 429 and 5xx are thrown as {@link RetryableAnswer} for the
     * retry policy, which sends the same batch again (instances stored meanwhile come back as
     * duplicates).
     */
    static SubmissionAnswer of(HttpResponse<String> response, ApiTarget server) {
        int status = response.statusCode();
        if (RetryableAnswer.isRetryableStatus(status)) {
            throw new RetryableAnswer(status, response.headers().firstValue("Retry-After").map(TeamApi::retryAfter).orElse(null),
                    OpenRosaResponse.reason(response, server));
        }
        // Kobo answers a known instanceID with 202 "Duplicate submission"; ODK Central with 409
        // "already exists" (201 again when the XML is byte for byte the same)
        if (isDuplicate(response)) return new SubmissionAnswer(Outcome.DUPLICATE, status, "");
        if (status / 100 == 2) return new SubmissionAnswer(Outcome.STORED, status, "");
        String reason = OpenRosaResponse.reason(response, server);
        if (status == 401 || status == 403 || status / 100 == 3) return new SubmissionAnswer(Outcome.REFUSED, status, reason);
        return new SubmissionAnswer(Outcome.REJECTED, status, reason);
    }

    private static boolean isDuplicate(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status != 202 && status != 409) return false;
        String said = OpenRosaResponse.message(response.body()).toLowerCase(Locale.ROOT);
        return said.contains("duplicate") || status == 409 && said.contains("already exists");
    }
}
