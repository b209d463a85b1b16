package org.lankit.upstream;

import java.util.Map;

/**
 * The API's final word on a batch: accepted (2xx, perhaps with single entries rejected) or
 * refused for good (any other status that is not worth retrying). Retryable answers never
 * become an ApiAnswer; they are {@link RetryableAnswer} failures for the retry policy.
 *
 * @param status   the HTTP status
 * @param rejected entries the API refused one by one: uuid → its reason (accepted batches only)
 * @param reason   why the whole batch was refused, in words (refused batches only)
 */
record ApiAnswer(int status, Map<String, String> rejected, String reason) {

    ApiAnswer {
        rejected = Map.copyOf(rejected);
    }

    static ApiAnswer accepted(int status, Map<String, String> rejected) {
        return new ApiAnswer(status, rejected, null);
    }

    static ApiAnswer refused(int status, String reason) {
        return new ApiAnswer(status, Map.of(), reason);
    }

    boolean isAccepted() {
        return status / 100 == 2;
    }

    /**
     * Whether the refusal may be about one entry's content (bad request, conflict, too large,
     * unprocessable), so sending the entries one by one finds the culprit; a wrong token or
     * address would refuse them all alike.
     */
    boolean mayBeAboutOneEntry() {
        return status == 400 || status == 409 || status == 413 || status == 422;
    }
}
