package org.lankit.peer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** gzip on the wire to the master: push bodies out, and answers the master chose to gzip back in. */
final class Gzip {

    /** The most an answer may inflate to: far above a full pull page, far below a gzip bomb. */
    private static final int MAX_INFLATED = 64 * 1024 * 1024;

    private Gzip() {
    }

    /** At the fastest level: a quarter of the CPU of the default for about a fifth more bytes. */
    static byte[] compress(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(plain);
        }
        return out.toByteArray();
    }

    /** The answer's body as the master meant it: inflated when it says {@code Content-Encoding: gzip}. */
    static byte[] bodyOf(HttpResponse<byte[]> response) throws IOException {
        boolean gzip = response.headers().firstValue("Content-Encoding").map(e -> e.strip().equalsIgnoreCase("gzip")).orElse(false);
        if (!gzip) return response.body();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            byte[] body = in.readNBytes(MAX_INFLATED + 1);
            if (body.length > MAX_INFLATED) throw new IOException("the master's answer inflates to more than " + MAX_INFLATED / (1024 * 1024) + " MB");
            return body;
        }
    }
}
