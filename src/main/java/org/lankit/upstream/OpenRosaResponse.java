package org.lankit.upstream;

import java.net.http.HttpResponse;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * What an OpenRosa server says in words: the {@code <message>} of its
 * {@code <OpenRosaResponse xmlns="http://openrosa.org/http/response">}, else the first line of
 * whatever it sent, with the target's credentials hidden and cut short.
 */
final class OpenRosaResponse {

    private static final int MAX_REASON = 300;

    private OpenRosaResponse() {
    }

    /** "HTTP 400: Form version mismatch", redacted and at most 300 characters. */
    static String reason(HttpResponse<String> response, ApiTarget server) {
        String said = message(response.body());
        if (response.statusCode() / 100 == 3) {
            said = "the server moved to " + response.headers().firstValue("Location").orElse("another address") + "; use that address";
        }
        String text = server.redact("HTTP " + response.statusCode() + (said.isEmpty() ? "" : ": " + said));
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text;
    }

    /** The server's message: the OpenRosa {@code <message>} when the body is one, else its first line ("" when empty). */
    static String message(String body) {
        if (body == null || body.isBlank()) return "";
        try {
            Element root = Xml.parse(body).getDocumentElement();
            String message = Xml.childText(root, "message");
            if (!message.isEmpty()) return message.replaceAll("\\s+", " ");
        } catch (SAXException notXml) {
            // a plain-text or HTML error page: its first line says enough
        }
        return body.strip().lines().findFirst().orElse("");
    }
}
