package org.lankit.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import org.lankit.secure.SealedDataException;

/**
 * The plain zip inside an encrypted backup, read where the reader asks: the chunk holding the
 * position is read and opened (one chunk kept), so a restore reads the zip's directory at the end
 * first, then any member, without ever writing the plain bytes anywhere. The chunk count follows
 * from the file's length, so a cut file fails on its last chunk (sealed as the last one or not).
 * A chunk that does not open is a {@link BackupRejectedException}.
 */
final class SealedChannel implements SeekableByteChannel {

    private final FileChannel file;
    private final ChunkCipher cipher;
    private final long bodyStart;
    private final long chunks;
    private final long size;
    private final String name;
    private final byte[] sealed = new byte[ChunkCipher.SEALED_CHUNK];
    private final byte[] plain = new byte[ChunkCipher.CHUNK];
    private long loaded = -1;
    private int loadedLength;
    private long position;

    SealedChannel(FileChannel file, BackupEnvelope.Opened opened, String name) throws IOException {
        this.file = file;
        this.cipher = opened.cipher();
        this.bodyStart = opened.bodyStart();
        this.name = name;
        long body = file.size() - bodyStart;
        this.chunks = Math.max(1, (body + ChunkCipher.SEALED_CHUNK - 1) / ChunkCipher.SEALED_CHUNK);
        long lastSealed = body - (chunks - 1) * ChunkCipher.SEALED_CHUNK;
        if (lastSealed < ChunkCipher.TAG) throw cut();
        this.size = (chunks - 1) * ChunkCipher.CHUNK + lastSealed - ChunkCipher.TAG;
        load(chunks - 1); // the last chunk first: a cut file is refused before anything else is read
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (position >= size) return -1;
        int total = 0;
        while (dst.hasRemaining() && position < size) {
            long chunk = position / ChunkCipher.CHUNK;
            load(chunk);
            int offset = (int) (position - chunk * ChunkCipher.CHUNK);
            int n = Math.min(dst.remaining(), loadedLength - offset);
            dst.put(plain, offset, n);
            position += n;
            total += n;
        }
        return total;
    }

    private void load(long chunk) throws IOException {
        if (chunk == loaded) return;
        boolean last = chunk == chunks - 1;
        long start = bodyStart + chunk * ChunkCipher.SEALED_CHUNK;
        int length = (int) Math.min(ChunkCipher.SEALED_CHUNK, file.size() - start);
        ByteBuffer into = ByteBuffer.wrap(sealed, 0, length);
        for (long at = start; into.hasRemaining(); ) {
            int n = file.read(into, at);
            if (n < 0) throw cut();
            at += n;
        }
        loaded = -1;
        try {
            loadedLength = cipher.open(chunk, last, sealed, length, plain);
        } catch (SealedDataException e) {
            throw new BackupRejectedException(name + " is damaged: " + e.getMessage());
        }
        loaded = chunk;
    }

    private BackupRejectedException cut() {
        return new BackupRejectedException(name + " is damaged or incomplete: it is cut short");
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        if (newPosition < 0) throw new IllegalArgumentException("negative position");
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return file.isOpen();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
