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
 * inflated bytes, so a small body that would inflate without end is refused as too large. The
 * parser reads the stream in place (no copy of the body); a failure of the stream itself is
 * answered as what it was, not as bad JSON.
 */
final class JsonBody {

    private JsonBody() {
    }

    static <T> T read(Context ctx, Class<T> type, long maxBytes) throws IOException {
        boolean gzip = isGzip(ctx.header("Content-Encoding"));
        try (InputStream in = gzip ? inflating(ctx.bodyInputStream()) : ctx.bodyInputStream()) {
            BoundedBody body = new BoundedBody(in, maxBytes);
            try {
                T value = Json.MAPPER.readValue(body, type);
                body.drain();
                return value;
            } catch (IOException e) {
                IOException cause = body.failure() != null ? body.failure() : drainedFailure(body);
                if (cause instanceof BoundedBody.TooLarge) {
                    throw ApiException.tooLarge("the body is larger than " + maxBytes / 1024 + " KB" + (gzip ? " when inflated" : ""));
                }
                if (cause instanceof ZipException) throw notGzip();
                throw cause != null ? cause : e;
            }
        }
    }

    /** A body refused as bad JSON early is still read to the end: too large is the answer if it is. */
    private static IOException drainedFailure(BoundedBody body) {
        try {
            body.drain();
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    private static InputStream inflating(InputStream raw) throws IOException {
        try {
            // reads the request 8 KB at a time, not 512 bytes
            return new GZIPInputStream(raw, 8192);
        } catch (ZipException e) {
            throw notGzip();
        }
    }

    private static ApiException notGzip() {
        return ApiException.badRequest("the body is marked as gzip but is not valid gzip");
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
