package org.lankit.hub;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read as a stream, so the JSON parser reads it in place instead of from a copy:
 * past {@code maxBytes} it fails, and it keeps the first failure of the stream beneath (too
 * large, not gzip, cut off) so the hub can answer with that rather than with the parser's
 * wrapping of it. Not thread-safe: one request's reader only.
 */
final class BoundedBody extends FilterInputStream {

    /** The body went past the cap; thrown into the parser, answered as 413 by {@link JsonBody}. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("the body is larger than allowed");
        }
    }

    private final long maxBytes;
    private long count;
    private IOException failure;

    BoundedBody(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    /** The first failure of the stream itself, if there was one: what a parse error really was. */
    IOException failure() {
        return failure;
    }

    /** Reads what the parser left (trailing whitespace, or the rest of a bad body) so the cap is checked over all of it. */
    void drain() throws IOException {
        byte[] skip = new byte[2048];
        while (read(skip, 0, skip.length) >= 0) {
            // counted by read
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failure != null) throw failure;
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        if (n > 0) count += n;
        if (count > maxBytes) {
            failure = new TooLarge();
            throw failure;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // through read, so skipped bytes count too
        byte[] skip = new byte[(int) Math.min(2048, Math.max(0, n))];
        int read = skip.length == 0 ? 0 : read(skip, 0, skip.length);
        return Math.max(0, read);
    }

    /** Left open: the parser closes what it read when done, but {@link #drain} reads on; the owner closes the stream beneath. */
    @Override
    public void close() {
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
