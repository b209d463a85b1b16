package org.lankit.upstream;

import java.util.Map;

/**
 * The API's final word on a batch: accepted (2xx, perhaps with single entries rejected) or
 * refused for good (any other status that is not worth retrying). Retryable answers never
 * become an ApiAnswer; they are {@link RetryableAnswer} failures for the retry policy.
 *
 * @param status   the HTTP status
 * @param rejected entries the API refused one by one: uuid → its reason (accepted batches only)
 * @param refs     the server's own name for each delivered entry's revision (a CouchDB {@code _rev},
 *                 an OpenRosa instanceID): uuid → ref, kept for the next revision's update
 * @param reason   why the whole batch was refused, in words (refused batches only)
 */
public record ApiAnswer(int status, Map<String, String> rejected, Map<String, String> refs, String reason) {

    public ApiAnswer {
        rejected = Map.copyOf(rejected);
        refs = Map.copyOf(refs);
    }

    public static ApiAnswer accepted(int status, Map<String, String> rejected) {
        return new ApiAnswer(status, rejected, Map.of(), null);
    }

    public static ApiAnswer accepted(int status, Map<String, String> rejected, Map<String, String> refs) {
        return new ApiAnswer(status, rejected, refs, null);
    }

    public static ApiAnswer refused(int status, String reason) {
        return new ApiAnswer(status, Map.of(), Map.of(), reason);
    }

    public boolean isAccepted() {
        return status / 100 == 2;
    }

    /**
     * Whether the refusal may be about one entry's content (bad request, conflict, too large,
     * unprocessable), so sending the entries one by one finds the culprit; a wrong token or
     * address would refuse them all alike.
     */
    public boolean mayBeAboutOneEntry() {
        return status == 400 || status == 409 || status == 413 || status == 422;
    }
}
