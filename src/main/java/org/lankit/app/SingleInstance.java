package org.lankit.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.lankit.pairing.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running kit per data folder. The first launch locks {@code instance.lock} in the folder and
 * answers on a loopback socket, whose port and secret it writes to {@code instance}. A second
 * launch finds the lock taken and asks the first one to show itself: the coordinator who
 * double-clicks again gets the window they already have, never a question about folders.
 */
final class SingleInstance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
    static final String LOCK_FILE = "instance.lock";
    static final String ADDRESS_FILE = "instance";
    /** How long a second launch waits for the first to write its address (it may be starting too). */
    private static final long ASK_FOR_MS = 10_000;
    /**
     * Folders this process holds. A second claim in the same process must not even open the lock
     * file: on Linux, closing any descriptor of a file drops every lock the process has on it.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    /** What the running launch answered: it brought its window forward, or where it runs without one. */
    record Answer(boolean windowShown, String where) {
    }

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;
    private final ServerSocket socket;
    private final Path addressFile;
    private final String secret;
    private final Supplier<Answer> answer;

    private SingleInstance(Path folder, FileChannel channel, FileLock lock, ServerSocket socket, Path addressFile, String secret,
                           Supplier<Answer> answer) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
        this.socket = socket;
        this.addressFile = addressFile;
        this.secret = secret;
        this.answer = answer;
    }

    /** What a claim found: this launch holds the folder, another one does, or none can (a folder it cannot write). */
    sealed interface Claim permits Mine, Taken, Unguarded {
    }

    record Mine(SingleInstance instance) implements Claim {
    }

    record Taken() implements Claim {
    }

    record Unguarded(String why) implements Claim {
    }

    /** Takes the folder for this launch; {@code answer} says what a second launch is told (called on the listener's thread). */
    static Claim claim(Path dataDir, Supplier<Answer> answer) {
        Path folder = dataDir.toAbsolutePath().normalize();
        if (!HELD.add(folder)) return new Taken(); // a second start in this same process
        FileChannel channel;
        try {
            Files.createDirectories(folder);
            channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException | SecurityException e) {
            HELD.remove(folder);
            // the store says in its own words why the folder cannot be used
            return new Unguarded(String.valueOf(e.getMessage()));
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                HELD.remove(folder);
                channel.close();
                return new Taken();
            }
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String secret = Tokens.newToken();
            Path addressFile = folder.resolve(ADDRESS_FILE);
            Files.writeString(addressFile, socket.getLocalPort() + " " + secret + "\n");
            ownerOnly(addressFile);
            SingleInstance instance = new SingleInstance(folder, channel, lock, socket, addressFile, secret, answer);
            Thread listener = new Thread(instance::listen, "lankit-instance");
            listener.setDaemon(true);
            listener.start();
            return new Mine(instance);
        } catch (IOException e) {
            HELD.remove(folder);
            close(channel);
            return new Unguarded(String.valueOf(e.getMessage()));
        }
    }

    /** Asks the launch holding {@code dataDir} to show itself; empty when it did not answer. */
    static Optional<Answer> ask(Path dataDir) {
        long end = System.currentTimeMillis() + ASK_FOR_MS;
        while (true) {
            Optional<Answer> answered = askOnce(dataDir.resolve(ADDRESS_FILE));
            if (answered.isPresent() || System.currentTimeMillis() > end) return answered;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private static Optional<Answer> askOnce(Path addressFile) {
        String[] address;
        try {
            address = Files.readString(addressFile).strip().split(" ");
        } catch (IOException e) {
            return Optional.empty(); // not written yet
        }
        if (address.length != 2) return Optional.empty();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(address[0])), 2_000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((address[1] + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String reply = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (reply == null) return Optional.empty();
            return Optional.of(reply.equals("window") ? new Answer(true, "") : new Answer(false, reply.replaceFirst("^running ", "")));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Answers second launches until closed; one with the wrong secret gets nothing. */
    private void listen() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                s.setSoTimeout(5_000);
                String given = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
                if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
                    continue;
                }
                Answer a = answer.get();
                String reply = a.windowShown() ? "window" : "running " + a.where();
                s.getOutputStream().write((reply + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                if (!socket.isClosed()) LOG.debug("a second launch could not be answered: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing listens any more either way
        }
        try {
            Files.deleteIfExists(addressFile);
            lock.release();
        } catch (IOException e) {
            LOG.debug("cannot release the data folder's instance lock: {}", e.getMessage());
        }
        close(channel);
        HELD.remove(folder);
    }

    /** The secret lets whoever reads it learn the join URL: only this user may (where the file system has owners). */
    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder sits in the user's own profile
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
