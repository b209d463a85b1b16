package org.lankit.hub;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import org.lankit.sync.Json;

/**
 * Reads a request body as JSON, never more than the hub's cap: a declared Content-Length is
 * checked before anything is read, and a chunked body (no length) stops at the cap too.
 */
final class JsonBody {

    private JsonBody() {
    }

    static <T> T read(Context ctx, Class<T> type, long maxBytes) throws IOException {
        byte[] body;
        try (InputStream in = ctx.bodyInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, maxBytes + 1));
        }
        if (body.length > maxBytes) throw ApiException.tooLarge("the body is larger than " + maxBytes / 1024 + " KB");
        return Json.MAPPER.readValue(body, type);
    }
}
