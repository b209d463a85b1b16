package org.lankit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.lankit.sync.Json;
import org.lankit.upstream.ConnectionCheck.Outcome;

/**
 * "Test connection" for CouchDB: {@code GET} the database, which reads nothing and writes nothing,
 * and tells in plain words whether it exists and took the credentials. An address that names the
 * server but no database is told apart from a missing database, as both are easy slips.
 */
final class CouchConnectionCheck {

    private CouchConnectionCheck() {
    }

    static ConnectionCheck run(CouchHttp couch, ApiTarget server) {
        String where = server.hostAndPort();
        HttpResponse<String> response;
        try {
            response = couch.getDatabase();
        } catch (InterruptedException | IOException e) {
            return ConnectionCheck.unanswered(e, where);
        }
        int status = response.statusCode();
        String name = couch.databaseName();
        ConnectionCheck check = switch (status) {
            case 200 -> reached(couch, server, response);
            case 401 -> new ConnectionCheck(Outcome.WRONG_TOKEN, status, couch.hasLogin()
                    ? "CouchDB at " + where + " refused the " + couch.credentials() + " (HTTP 401). Check them."
                    : "CouchDB at " + where + " wants a login (HTTP 401): set the user name and password.");
            case 403 -> new ConnectionCheck(Outcome.WRONG_TOKEN, status, "CouchDB at " + where + " does not let "
                    + (couch.hasLogin() ? "this login" : "anyone without a login") + " use the database \"" + name
                    + "\" (HTTP 403). Make the user a member of it, or use another login.");
            case 404 -> new ConnectionCheck(Outcome.NOT_FOUND, status, name.isEmpty()
                    ? "The address names no database: add the database's name, e.g. " + example(server) + "."
                    : "The database \"" + name + "\" does not exist at " + where
                    + ". Create it in CouchDB first (Lankit does not create databases), or check its name.");
            default -> new ConnectionCheck(Outcome.API_ERROR, status, "CouchDB at " + where + " answered with an error: "
                    + couch.reason(response) + ".");
        };
        return new ConnectionCheck(check.outcome(), check.httpStatus(), couch.redact(check.message()));
    }

    private static ConnectionCheck reached(CouchHttp couch, ApiTarget server, HttpResponse<String> response) {
        String where = server.hostAndPort();
        JsonNode info = info(response.body());
        if (info.has("db_name")) {
            long docs = info.path("doc_count").asLong();
            return new ConnectionCheck(Outcome.REACHED, 200, "Reached the CouchDB database \"" + info.path("db_name").asText()
                    + "\" at " + where + " (" + String.format(Locale.ROOT, "%,d", docs) + (docs == 1 ? " document" : " documents") + ")"
                    + (couch.hasLogin() ? " and it accepted the " + couch.credentials() + "." : "; no login is set and none was asked for."));
        }
        if (info.has("couchdb") || info.has("express-pouchdb")) {
            return new ConnectionCheck(Outcome.NOT_FOUND, 200, "This is the CouchDB server itself, not a database: add the"
                    + " database's name to the address, e.g. " + example(server) + ".");
        }
        return new ConnectionCheck(Outcome.NOT_FOUND, 200, "A server answered at " + where
                + " but it is not a CouchDB database. Check the address.");
    }

    /** The address with a database name after it, credentials left out. */
    private static String example(ApiTarget server) {
        String path = server.url().getRawPath() == null ? "" : server.url().getRawPath().replaceAll("/+$", "");
        return server.url().getScheme() + "://" + server.hostAndPort() + path + "/survey";
    }

    private static JsonNode info(String body) {
        try {
            return Json.MAPPER.readTree(body == null ? "" : body);
        } catch (IOException notJson) {
            return Json.MAPPER.createObjectNode();
        }
    }
}
