package org.lankit.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real CouchDB-protocol server for tests: express-pouchdb (from the npm registry, in
 * src/test/pouchdb) on leveldb in a temporary folder, run by Node as a process of its own on
 * 127.0.0.1. Installs its packages with {@code npm ci} the first time (node_modules is not
 * committed); needs Node 18+ and npm on the PATH, and says so plainly when they are missing.
 * {@link #withLogin} makes every request need that Basic login, answered as CouchDB answers (401;
 * 403 for {@link #OUTSIDER}, a login that is no member of the database).
 * Faults between a client and the server come from a {@link FlakyProxy} in front of it
 * ({@link #faultyProxy}). Always close it.
 */
public final class CouchServer implements AutoCloseable {

    private static final Path PACKAGE = Path.of("src", "test", "pouchdb");
    private static final Pattern READY = Pattern.compile("couch-server ready on port (\\d+)");
    private static final long START_SECONDS = 60;
    /** A login a {@link #withLogin} server knows but lets into no database (403). */
    public static final String OUTSIDER = "outsider";
    public static final String OUTSIDER_PASSWORD = "outsider-password-5678";

    private final Process process;
    private final Path dataDir;
    private final int port;
    private final String user;
    private final String password;
    private final List<FlakyProxy> proxies = new ArrayList<>();

    private CouchServer(Process process, Path dataDir, int port, String user, String password) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** A server anyone may use (CouchDB's "admin party"). */
    public static CouchServer start() throws IOException {
        return start(null, null);
    }

    /** A server that answers only requests with this Basic login (401 otherwise). */
    public static CouchServer withLogin(String user, String password) throws IOException {
        return start(user, password);
    }

    private static CouchServer start(String user, String password) throws IOException {
        NodeTools.require();
        NodeTools.installPackages(PACKAGE);
        Path dataDir = Files.createTempDirectory("lankit-couch");
        List<String> command = new ArrayList<>(List.of("node", "couch-server.js", "--data", dataDir.toString(), "--port", "0"));
        if (user != null) command.addAll(List.of("--user", user, "--password", password, "--outsider", OUTSIDER + ":" + OUTSIDER_PASSWORD));
        Process process = new ProcessBuilder(command).directory(PACKAGE.toFile()).redirectErrorStream(true).start();
        try {
            return new CouchServer(process, dataDir, awaitReady(process), user, password);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            delete(dataDir);
            throw e;
        }
    }

    /** Reads the server's output until it says its port; keeps draining it afterwards so it never blocks. */
    private static int awaitReady(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = READY.matcher(line);
                    if (m.find()) return Integer.parseInt(m.group(1));
                    said.append(line).append('\n');
                }
            } catch (IOException e) {
                said.append(e).append('\n');
            }
            return -1;
        });
        int port;
        try {
            port = ready.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("couch-server.js did not say it was ready within " + START_SECONDS + " s; it said:\n" + said);
        }
        if (port < 0) throw new IOException("couch-server.js stopped before it was ready; it said:\n" + said);
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the server stopped
            }
        }, "couch-server-output");
        drain.setDaemon(true);
        drain.start();
        return port;
    }

    public int port() {
        return port;
    }

    /** The server's root, {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** A database on this server, to create it and look into it (with the server's login, if any). */
    public CouchDatabase database(String name) {
        return new CouchDatabase(url(), name, user, password);
    }

    /** A proxy in front of this server that injects faults (planned with {@link FlakyProxy#next}, or at a rate); closed with the server. */
    public FlakyProxy faultyProxy(long seed) throws IOException {
        FlakyProxy proxy = FlakyProxy.to(port, seed);
        proxies.add(proxy);
        return proxy;
    }

    /** Stops the server and deletes its data. */
    public void stop() {
        proxies.forEach(FlakyProxy::close);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        delete(dataDir);
    }

    @Override
    public void close() {
        stop();
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary folder the system cleans up anyway
        }
    }
}
