package org.lankit.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.lankit.sync.Json;

/**
 * The result of "Test connection": one request to the API, told in plain words.
 *
 * @param outcome    what happened
 * @param httpStatus the API's status, 0 when it did not answer
 * @param message    a sentence for the coordinator (never contains the token)
 */
public record ConnectionCheck(Outcome outcome, int httpStatus, String message) {

    public enum Outcome {
        /** The API answered 2xx: address and token are right. */
        REACHED,
        /** The API refused the token (401, 403). */
        WRONG_TOKEN,
        /** Nothing answered: no internet, a misspelt host, or the API is down. */
        NO_INTERNET,
        /** A server answered, but there is no API at this address (404, 405, 410). */
        NOT_FOUND,
        /** The HTTPS certificate could not be verified. */
        CERTIFICATE,
        /** The API answered with another error. */
        API_ERROR,
        /** The server took the credentials, but lacks forms the kit uploads (OpenRosa: not in its form list). */
        MISSING_FORMS
    }

    public boolean isOk() {
        return outcome == Outcome.REACHED;
    }

    /**
     * Posts an empty batch (no entries, so nothing is stored) with a fresh Idempotency-Key and
     * reports what the API said.
     */
    static ConnectionCheck run(TeamApi api, ApiTarget target, KitRef kit) {
        String where = target.hostAndPort();
        String body = emptyBatch(kit);
        HttpResponse<String> response;
        try {
            response = api.sendNow(target, "lankit-check-" + UUID.randomUUID(), body);
        } catch (InterruptedException | IOException e) {
            return ConnectionCheck.unanswered(e, where);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return new ConnectionCheck(Outcome.REACHED, status, "Reached the API at " + where
                    + (target.hasToken() ? " and it accepted the token." : "; no token is set and none was asked for."));
        }
        if (status == 401 || status == 403) {
            return new ConnectionCheck(Outcome.WRONG_TOKEN, status, "The API at " + where + " refused the token (HTTP "
                    + status + "). Check the token" + (target.hasToken() ? "." : "; none is set."));
        }
        if (status == 404 || status == 405 || status == 410) {
            return new ConnectionCheck(Outcome.NOT_FOUND, status, "A server answered at " + where
                    + " but there is no API at this address (HTTP " + status + "). Check the address.");
        }
        return new ConnectionCheck(Outcome.API_ERROR, status, "The API at " + where + " answered with an error: "
                + TeamApi.reason(response, target) + ".");
    }

    /** A test that got no answer from {@code where}: interrupted, a certificate that fails, or nobody there. */
    static ConnectionCheck unanswered(Exception e, String where) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new ConnectionCheck(Outcome.NO_INTERNET, 0, "The test was interrupted.");
        }
        if (Failures.isCertificateProblem(e)) {
            return new ConnectionCheck(Outcome.CERTIFICATE, 0, "The security certificate of " + where
                    + " could not be verified. Check the address; a network that intercepts connections"
                    + " (hotel or office WiFi) can also cause this.");
        }
        return new ConnectionCheck(Outcome.NO_INTERNET, 0, "Could not reach " + where
                + ". There may be no internet connection, or the address is wrong.");
    }

    record EmptyBatch(KitRef kit, List<Object> entries) {
    }

    private static String emptyBatch(KitRef kit) {
        try {
            return Json.MAPPER.writeValueAsString(new EmptyBatch(kit, List.of()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
