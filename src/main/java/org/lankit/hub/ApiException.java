package org.lankit.hub;

/** A request the hub refuses; turned into {@code {error, detail}} JSON by {@link ErrorMapper}. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String error;
    private final long retryAfterSeconds;

    private ApiException(int status, String error, String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad_request", detail, 0);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", detail, 0);
    }

    public static ApiException forbidden(String error, String detail) {
        return new ApiException(403, error, detail, 0);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not_found", detail, 0);
    }

    public static ApiException tooLarge(String detail) {
        return new ApiException(413, "too_large", detail, 0);
    }

    /** 415: a request body in an encoding the hub does not read (it reads plain and gzip). */
    public static ApiException unsupportedEncoding(String detail) {
        return new ApiException(415, "unsupported_encoding", detail, 0);
    }

    public static ApiException unprocessable(String detail) {
        return new ApiException(422, "rejected", detail, 0);
    }

    public static ApiException tooManyRequests(long retryAfterSeconds) {
        return new ApiException(429, "too_many_requests", "slow down and try again in " + retryAfterSeconds + " s",
                retryAfterSeconds);
    }

    /** 429 for join-code guessing: the device (or every device) waits before its next try. */
    public static ApiException tooManyGuesses(long retryAfterSeconds, String why) {
        return new ApiException(429, "too_many_guesses", why + ": wait " + retryAfterSeconds + " s and try again",
                retryAfterSeconds);
    }

    /** 409: this master was replaced by a take-over; it accepts no more writes. */
    public static ApiException superseded(String detail) {
        return new ApiException(409, "superseded", detail, 0);
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(503, "unavailable", detail, 5);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
