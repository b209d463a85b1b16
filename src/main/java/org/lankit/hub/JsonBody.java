package org.lankit.hub;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.lankit.sync.Json;

/**
 * Reads a request body as JSON, never more than the hub's cap: a declared Content-Length is
 * checked before anything is read, and a chunked body (no length) stops at the cap too. A body sent
 * with {@code Content-Encoding: gzip} is inflated as it is read, and the cap applies to the
 * inflated bytes, so a small body that would inflate without end is refused as too large.
 */
final class JsonBody {

    private JsonBody() {
    }

    static <T> T read(Context ctx, Class<T> type, long maxBytes) throws IOException {
        byte[] body;
        boolean gzip = isGzip(ctx.header("Content-Encoding"));
        try (InputStream in = gzip ? new GZIPInputStream(ctx.bodyInputStream()) : ctx.bodyInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, maxBytes + 1));
        } catch (ZipException e) {
            throw ApiException.badRequest("the body is marked as gzip but is not valid gzip");
        }
        if (body.length > maxBytes) {
            throw ApiException.tooLarge("the body is larger than " + maxBytes / 1024 + " KB" + (gzip ? " when inflated" : ""));
        }
        return Json.MAPPER.readValue(body, type);
    }

    private static boolean isGzip(String encoding) {
        if (encoding == null) return false;
        String name = encoding.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.equals("identity")) return false;
        if (name.equals("gzip") || name.equals("x-gzip")) return true;
        throw ApiException.unsupportedEncoding("a body in Content-Encoding " + encoding.strip()
                + " cannot be read: send it plain or as gzip");
    }
}
