package org.lankit.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of a real server, for fault tests. It can cut every open
 * connection at once ({@link #cutAll()}), and with a fault rate above zero it spoils that share
 * of connections at random: reset before forwarding, reset after the request went through but
 * before the answer came back, answer 500 itself, or answer slowly (up to twice {@link #slowBy});
 * while faults are on, every connection is also cut after a random moment under 0.3 s.
 * Seeded, so the faults chosen repeat (their timing does not). {@link #next} plans the faults of
 * the next connections, for tests that need one fault at one moment.
 * Always close it.
 */
public final class FlakyProxy implements AutoCloseable {

    /** What happened to one connection. */
    public enum Fault { NONE, RESET_BEFORE, RESET_AFTER_REQUEST, ERROR_500, SLOW }

    private final ServerSocket listener;
    private final int targetPort;
    private final Random random;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "flaky-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Queue<Fault> planned = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<Fault, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile double faultRate;
    private volatile long slowMillis = 300;
    private volatile boolean closed;

    private FlakyProxy(int targetPort, long seed) throws IOException {
        this.targetPort = targetPort;
        this.random = new Random(seed);
        this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    public static FlakyProxy to(int targetPort, long seed) throws IOException {
        return new FlakyProxy(targetPort, seed);
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Share (0 to 1) of new connections that get one of the faults. */
    public FlakyProxy faultRate(double rate) {
        this.faultRate = rate;
        return this;
    }

    /** How long a slow connection waits before forwarding. */
    public FlakyProxy slowBy(long millis) {
        this.slowMillis = millis;
        return this;
    }

    /**
     * The faults the next new connections get, in order, before the fault rate picks again. A client
     * that keeps a connection alive sends on it unharmed: plan faults before it connects.
     */
    public FlakyProxy next(Fault... faults) {
        planned.addAll(List.of(faults));
        return this;
    }

    /** Closes every connection open now, in whatever state it is: the device is cut off mid-request. */
    public int cutAll() {
        int n = 0;
        for (Socket s : open) {
            closeQuietly(s);
            n++;
        }
        return n;
    }

    public int count(Fault fault) {
        AtomicInteger n = counts.get(fault);
        return n == null ? 0 : n.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Fault fault = pick();
                counts.computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();
                threads.execute(() -> serve(client, fault));
            } catch (IOException e) {
                if (!closed) closeQuietly(listener);
                return;
            }
        }
    }

    private Fault pick() {
        Fault next = planned.poll();
        if (next != null) return next;
        synchronized (random) {
            if (random.nextDouble() >= faultRate) return Fault.NONE;
            Fault[] faults = {Fault.RESET_BEFORE, Fault.RESET_AFTER_REQUEST, Fault.ERROR_500, Fault.SLOW};
            return faults[random.nextInt(faults.length)];
        }
    }

    private long randomBelow(long bound) {
        synchronized (random) {
            return (long) (random.nextDouble() * bound);
        }
    }

    /** Kept-alive connections would dodge the faults: while flapping, each lives a random short while. */
    private void cutLater(Socket client, long millis) {
        threads.execute(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            closeQuietly(client);
        });
    }

    private void serve(Socket client, Fault fault) {
        open.add(client);
        try (client) {
            client.setSoTimeout(30_000);
            switch (fault) {
                case RESET_BEFORE -> {
                    client.setSoLinger(true, 0);
                    return;
                }
                case ERROR_500 -> {
                    answer500(client);
                    return;
                }
                case SLOW -> Thread.sleep(randomBelow(2 * slowMillis));
                default -> { }
            }
            if (faultRate > 0) cutLater(client, randomBelow(300));
            try (Socket server = new Socket()) {
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
                server.setSoTimeout(30_000);
                open.add(server);
                threads.execute(() -> pump(client, server));
                if (fault == Fault.RESET_AFTER_REQUEST) {
                    // the request reaches the server; its answer never reaches the client
                    server.getInputStream().read();
                    client.setSoLinger(true, 0);
                    return;
                }
                pump(server, client);
            } finally {
                open.removeIf(Socket::isClosed);
            }
        } catch (IOException | InterruptedException ignored) {
            // a cut connection is the point of this class
        } finally {
            open.remove(client);
        }
    }

    /** Reads the request head (so the client is not reset while sending) and answers 500. */
    private static void answer500(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        byte[] buf = new byte[8192];
        StringBuilder head = new StringBuilder();
        int n;
        while (!head.toString().contains("\r\n\r\n") && (n = in.read(buf)) > 0) {
            head.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        }
        String body = "{\"error\":\"flaky\",\"detail\":\"injected\"}";
        String answer = "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        OutputStream out = client.getOutputStream();
        out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void pump(Socket from, Socket to) {
        byte[] buf = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // the other side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        cutAll();
        threads.shutdownNow();
    }
}
