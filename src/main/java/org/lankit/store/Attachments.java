package org.lankit.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.lankit.sync.AttachmentName;

/**
 * The master's photos, kept as files beside the database, not in it: {@code <data folder>/attachments/<name>}
 * once complete, {@code attachments/partial/<name>.<device>} while a device is still sending it
 * (each device has its own, so two phones sending the same name never mix their bytes). A chunk
 * is on the disk (fsync) before it is acknowledged; completion is an fsync, an atomic move and an
 * fsync of the folder, so a name either names all of its bytes or none. A complete attachment is
 * written once: the same name again is answered as complete and changes nothing. Thread-safe.
 */
public final class Attachments {

    /** The most a photo may weigh: the phone resizes to 1600 px, far below this. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /** The most one chunk of an upload may carry. */
    public static final int MAX_CHUNK_BYTES = 256 * 1024;

    private final Path dataDir;
    private final Path root;
    private final Path partial;
    /** One write of a name at a time (two devices sending it wait for each other), by a fixed set of locks. */
    private final Object[] turns = new Object[64];

    Attachments(Path dataDir) {
        this.dataDir = dataDir;
        this.root = dataDir.resolve("attachments");
        this.partial = root.resolve("partial");
        Arrays.setAll(turns, i -> new Object());
    }

    /** How far an upload of {@code name} by {@code deviceId} is: all of it when complete, 0 when unknown. */
    public Progress progress(String name, String deviceId) {
        requireValid(name);
        Path done = root.resolve(name);
        if (Files.isRegularFile(done)) return new Progress(size(done), true);
        Path part = partOf(name, deviceId);
        return new Progress(Files.isRegularFile(part) ? size(part) : 0, false);
    }

    /**
     * Appends {@code chunk} to {@code deviceId}'s upload of {@code name} at {@code offset}, out of
     * {@code total} bytes; completes the attachment when the last byte is in. The chunk is read
     * whole first, so a chunk cut off on the way leaves the upload where it was.
     *
     * @throws OffsetMismatchException when {@code offset} is not what has been received
     * @throws TooLargeException       when {@code total} or the chunk is past the limits
     * @throws StoreFull.DiskFullException when the disk has no room: nothing of the chunk is kept
     */
    public Progress append(String name, String deviceId, long offset, long total, InputStream chunk) throws IOException {
        requireValid(name);
        if (total < 1) throw new IllegalArgumentException("a photo has at least 1 byte");
        if (total > MAX_BYTES) throw new TooLargeException("a photo may be at most " + MAX_BYTES / (1024 * 1024) + " MB");
        synchronized (turnOf(name)) {
            Progress now = progress(name, deviceId);
            // written once: the bytes of a complete name never change, whatever is sent again
            if (now.complete()) return now;
            if (offset != now.received()) throw new OffsetMismatchException(now.received());
            byte[] bytes = readChunk(chunk, total - offset);
            if (bytes.length == 0) return now;
            leaveRoomForEntries(bytes.length);
            Path part = partOf(name, deviceId);
            Files.createDirectories(partial);
            appendDurably(part, offset, bytes);
            long received = offset + bytes.length;
            if (received < total) return new Progress(received, false);
            complete(part, root.resolve(name));
            return new Progress(received, true);
        }
    }

    /** Whether all of {@code name}'s bytes are here. */
    public boolean holds(String name) {
        return AttachmentName.isValid(name) && Files.isRegularFile(root.resolve(name));
    }

    /** Where a complete attachment's bytes are, to read them. */
    public Optional<Path> file(String name) {
        return holds(name) ? Optional.of(root.resolve(name)) : Optional.empty();
    }

    /** The names of every complete attachment, sorted. */
    public List<String> names() {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> files = Files.list(root)) {
            List<String> names = new ArrayList<>();
            files.map(p -> p.getFileName().toString()).filter(AttachmentName::isValid)
                    .filter(n -> Files.isRegularFile(root.resolve(n))).sorted().forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /**
     * Puts back an attachment from a backup: written whole, then completed as an upload is; a name
     * already here is kept as it is. Returns whether it was added.
     */
    public boolean restore(String name, InputStream bytes) throws IOException {
        requireValid(name);
        synchronized (turnOf(name)) {
            if (holds(name)) return false;
            Files.createDirectories(partial);
            Path part = partial.resolve(name + ".restore");
            try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buffer = new byte[1 << 16];
                long written = 0;
                for (int n = bytes.read(buffer); n >= 0; n = bytes.read(buffer)) {
                    written += n;
                    if (written > MAX_BYTES) throw new TooLargeException(name + " is larger than a photo may be");
                    out.write(ByteBuffer.wrap(buffer, 0, n));
                }
                out.force(true);
            } catch (IOException e) {
                Files.deleteIfExists(part);
                throw explained(e);
            } catch (RuntimeException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            complete(part, root.resolve(name));
            return true;
        }
    }

    private Object turnOf(String name) {
        return turns[Math.floorMod(name.hashCode(), turns.length)];
    }

    private Path partOf(String name, String deviceId) {
        if (deviceId == null || !deviceId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a device id of letters, digits, '-' and '_' is needed");
        }
        return partial.resolve(name + "." + deviceId);
    }

    /** The chunk's bytes, refusing one past the chunk limit or past the announced total. */
    private static byte[] readChunk(InputStream chunk, long left) throws IOException {
        byte[] bytes = chunk.readNBytes(MAX_CHUNK_BYTES + 1);
        if (bytes.length > MAX_CHUNK_BYTES) throw new TooLargeException("a chunk may be at most " + MAX_CHUNK_BYTES / 1024 + " KB");
        if (bytes.length > left) throw new TooLargeException("the chunk goes past the size the upload announced");
        return bytes;
    }

    /** Photos never take the last of the disk: entries, far smaller and worth more, keep {@link StoreFull#NEARLY_FULL_BYTES}. */
    private void leaveRoomForEntries(long bytes) {
        if (StoreFull.usableSpace(dataDir) < StoreFull.NEARLY_FULL_BYTES + bytes) {
            throw new StoreFull.DiskFullException(dataDir, new IOException("too little space left for a photo"));
        }
    }

    /** Writes at {@code offset} and syncs; a write the disk refuses is taken back to {@code offset}. */
    private void appendDurably(Path part, long offset, byte[] bytes) throws IOException {
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            try {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                long at = offset;
                while (buffer.hasRemaining()) at += out.write(buffer, at);
                out.force(true);
            } catch (IOException e) {
                out.truncate(offset);
                throw explained(e);
            }
        }
    }

    /**
     * Moves the finished (synced) file under its name in one step and syncs the folder; other
     * devices' unfinished uploads of the name are of no use any more and go.
     */
    private void complete(Path part, Path done) throws IOException {
        try {
            Files.createDirectories(root);
            Files.move(part, done, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(part); // the name was complete already (systems whose move does not replace): its bytes stay
            return;
        } catch (IOException e) {
            throw explained(e);
        }
        syncFolder(root);
        dropPartials(done.getFileName().toString());
    }

    private void dropPartials(String name) throws IOException {
        try (DirectoryStream<Path> left = Files.newDirectoryStream(partial, name + ".*")) {
            for (Path p : left) Files.deleteIfExists(p);
        }
    }

    /** Makes the move itself durable; some systems (Windows) cannot open a folder, and sync it on their own. */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException notPossibleHere) {
            // nothing more to do where folders cannot be opened for syncing
        }
    }

    private IOException explained(IOException failure) {
        if (StoreFull.usableSpace(dataDir) < StoreFull.NEARLY_FULL_BYTES || String.valueOf(failure.getMessage()).contains("No space left")) {
            throw new StoreFull.DiskFullException(dataDir, failure);
        }
        return failure;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException gone) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireValid(String name) {
        if (!AttachmentName.isValid(name)) {
            throw new IllegalArgumentException("an attachment name is 32 hex digits and .jpg or .png");
        }
    }

    /** How much of an upload the master holds, and whether that is all of it. */
    public record Progress(long received, boolean complete) {
    }

    /** The upload's offset is not what the master has received; the device goes on from {@link #received()}. */
    public static final class OffsetMismatchException extends RuntimeException {
        private final long received;

        OffsetMismatchException(long received) {
            super("the master has received " + received + " bytes of this photo: send from there", null, false, false);
            this.received = received;
        }

        public long received() {
            return received;
        }
    }

    /** A photo or a chunk larger than the limits. */
    public static final class TooLargeException extends RuntimeException {
        TooLargeException(String detail) {
            super(detail, null, false, false);
        }
    }
}
