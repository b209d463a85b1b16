package org.lankit.upstream;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lankit.upstream.ConnectionCheck.Outcome;

/**
 * "Test connection" for an OpenRosa server: one {@code GET formList}, told in plain words: wrong
 * credentials, no internet, not an OpenRosa server, or which of the kit's forms the server lacks.
 */
final class OpenRosaCheck {

    private OpenRosaCheck() {
    }

    /** {@code serverFormIds}: the kit's form ids → the server's ids for them, as the settings map them. */
    static ConnectionCheck run(OpenRosaHttp http, ApiTarget server, Map<String, String> serverFormIds) {
        String where = server.hostAndPort();
        HttpResponse<String> response;
        try {
            response = http.formListNow();
        } catch (InterruptedException | IOException e) {
            return ConnectionCheck.unanswered(e, where);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            return new ConnectionCheck(Outcome.WRONG_TOKEN, status, "The server at " + where + " refused "
                    + credentials(server) + " (HTTP " + status + "). Check them in Settings.");
        }
        if (status / 100 != 2) {
            Outcome outcome = status == 404 || status == 405 || status == 410 ? Outcome.NOT_FOUND : Outcome.API_ERROR;
            return new ConnectionCheck(outcome, status, "The server at " + where + " did not send its form list: "
                    + OpenRosaResponse.reason(response, server) + ". Check the address"
                    + (outcome == Outcome.NOT_FOUND ? " (it should end with the project, e.g. …/v1/key/…/projects/1 or https://kc.example.org/username)." : "."));
        }
        Optional<FormList> list = FormList.parse(response.body());
        if (list.isEmpty()) {
            return new ConnectionCheck(Outcome.NOT_FOUND, status, "A server answered at " + where
                    + " but it is not an OpenRosa server (no form list at this address). Check the address.");
        }
        List<String> missing = serverFormIds.entrySet().stream()
                .filter(f -> list.get().version(f.getValue()).isEmpty())
                .map(f -> f.getKey().equals(f.getValue()) ? f.getValue() : f.getValue() + " (for the kit's form " + f.getKey() + ")")
                .toList();
        if (!missing.isEmpty()) {
            return new ConnectionCheck(Outcome.MISSING_FORMS, status, "Reached the server at " + where
                    + ", but it lacks " + (missing.size() == 1 ? "this form: " : "these forms: ") + String.join(", ", missing)
                    + ". Publish " + (missing.size() == 1 ? "it" : "them") + " there, or map each form to one the server has.");
        }
        return new ConnectionCheck(Outcome.REACHED, status, "Reached the OpenRosa server at " + where
                + (server.hasToken() || server.hasUser() ? " and it accepted the credentials" : "")
                + "; it has " + (serverFormIds.isEmpty() ? "no forms to check." : "every form the kit sends."));
    }

    private static String credentials(ApiTarget server) {
        if (server.hasToken()) return "the token";
        if (server.hasUser()) return "the user name or password";
        return "this address (for ODK Central, copy the app user's address again)";
    }
}
