package org.lankit.backup;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Seals what is written into 64 KiB chunks ({@link ChunkCipher}). A full chunk is held until the
 * next byte comes, because only {@link #finish()} knows which chunk is the last. Holds two
 * chunks of memory whatever the size of the backup. Does not close the stream under it.
 */
final class SealedOutputStream extends OutputStream {

    private final OutputStream out;
    private final ChunkCipher cipher;
    private final byte[] plain = new byte[ChunkCipher.CHUNK];
    private final byte[] sealed = new byte[ChunkCipher.SEALED_CHUNK];
    private int filled;
    private long index;
    private boolean finished;

    SealedOutputStream(OutputStream out, ChunkCipher cipher) {
        this.out = out;
        this.cipher = cipher;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (finished) throw new IOException("the backup is already sealed");
        while (len > 0) {
            if (filled == plain.length) emit(false);
            int n = Math.min(len, plain.length - filled);
            System.arraycopy(b, off, plain, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    /** Seals the last chunk; the file is complete only after this. */
    void finish() throws IOException {
        if (finished) return;
        emit(true);
        finished = true;
        out.flush();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    private void emit(boolean last) throws IOException {
        int n = cipher.seal(index++, last, plain, filled, sealed);
        out.write(sealed, 0, n);
        filled = 0;
    }
}
