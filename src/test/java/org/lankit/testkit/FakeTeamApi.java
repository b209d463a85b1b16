package org.lankit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A team API for tests: a real HTTP server on 127.0.0.1 that takes batches as the upstream
 * contract says, stores each entry revision once per Idempotency-Key (a repeated key gets the
 * first answer again and stores nothing), and can be told to misbehave: fail with a status N
 * times, throttle with Retry-After, refuse one entry, answer slowly, want a token, echo the
 * credentials it was sent in its errors (as careless APIs do). Photos come as
 * {@code PUT <url>/attachments/<name>} before the batch that lists them in {@code attachments}:
 * kept once by name (the same bytes again change nothing, other bytes are refused with 409), and
 * a batch listing a photo the API does not hold is refused with 422. Always close it.
 */
public final class FakeTeamApi implements AutoCloseable {

    public static final String PATH = "/v1/entries";
    private static final String PHOTOS = PATH + "/attachments/";
    private static final Pattern PHOTO_NAME = Pattern.compile("[0-9a-f]{32}\\.(jpg|png)");

    /** One request as the API saw it. */
    public record Received(String key, String authorization, List<String> uuids, List<Long> seqs, int bodyBytes,
                           int bodyHash, long atNanos, int status) {
    }

    private record Answer(int status, String body, Map<String, String> headers) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // the JDK server writes headers and body apart; with Nagle on, each answer would wait for
        // the client's delayed ACK (about 40 ms), which real API servers do not do
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-team-api");
        t.setDaemon(true);
        return t;
    });
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Answer> answered = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> stored = new ConcurrentHashMap<>();
    private final Map<String, String> rejectOne = new ConcurrentHashMap<>();
    private final Map<String, String> refuseBatch = new ConcurrentHashMap<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final Map<String, byte[]> photos = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> photoPuts = new ConcurrentHashMap<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger throttlesLeft = new AtomicInteger();
    private volatile int failStatus = 503;
    private volatile int retryAfterSeconds;
    private volatile Duration delay = Duration.ZERO;
    private volatile String requiredToken;
    private volatile boolean keepLog = true;
    private volatile int echoStatus;

    private FakeTeamApi(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeTeamApi start() throws IOException {
        return new FakeTeamApi(0);
    }

    /** Starts on a given port, e.g. one that was closed while the uploader tried it. */
    public static FakeTeamApi startOn(int port) throws IOException {
        return new FakeTeamApi(port);
    }

    /** A port nothing listens on (taken and released at once). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port() + PATH;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    // ---- how to misbehave ----

    /** The next {@code n} batch requests get {@code status} (e.g. 503) and store nothing. */
    public FakeTeamApi failNext(int n, int status) {
        failStatus = status;
        failuresLeft.set(n);
        return this;
    }

    /** The next {@code n} batch requests get 429 with {@code Retry-After: seconds}. */
    public FakeTeamApi throttleNext(int n, int seconds) {
        retryAfterSeconds = seconds;
        throttlesLeft.set(n);
        return this;
    }

    /** Batches holding this entry are accepted, but the entry is listed in {@code rejected}. */
    public FakeTeamApi rejectEntry(String uuid, String reason) {
        rejectOne.put(uuid, reason);
        return this;
    }

    /** Batches holding this entry are refused whole with 422 and the reason. */
    public FakeTeamApi refuseBatchesWith(String uuid, String reason) {
        refuseBatch.put(uuid, reason);
        return this;
    }

    public FakeTeamApi forgiveAll() {
        rejectOne.clear();
        refuseBatch.clear();
        return this;
    }

    /** Answers only after {@code d} (the batch is stored at once, as a real API might). */
    public FakeTeamApi answerAfter(Duration d) {
        delay = d;
        return this;
    }

    /** Batches without {@code Authorization: Bearer token} get 401. */
    public FakeTeamApi requireToken(String token) {
        requiredToken = token;
        return this;
    }

    /**
     * Every batch gets {@code status} with an error that repeats the Authorization header and the
     * address it was called at, query included (a 401 or a 503, say); 0 stops it.
     */
    public FakeTeamApi echoCredentialsWith(int status) {
        echoStatus = status;
        return this;
    }

    /** For benchmarks: keep counting stored entries, but not every request's details. */
    public FakeTeamApi keepNoRequestLog() {
        keepLog = false;
        return this;
    }

    // ---- what it saw ----

    public List<Received> requests() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Batch requests answered so far (also when the request log is off). */
    public int requestCount() {
        return requestCount.get();
    }

    /** How often the API stored this revision of the entry (more than once is a duplicate). */
    public int timesStored(String uuid, long seq) {
        AtomicInteger n = stored.get(uuid + "@" + seq);
        return n == null ? 0 : n.get();
    }

    public int mostTimesAnyRevisionWasStored() {
        return stored.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
    }

    public Set<String> storedUuids() {
        Set<String> uuids = ConcurrentHashMap.newKeySet();
        stored.keySet().forEach(k -> uuids.add(k.substring(0, k.lastIndexOf('@'))));
        return uuids;
    }

    public int storedRevisions() {
        return stored.size();
    }

    /** The bytes of a photo the API holds, or null. */
    public byte[] photo(String name) {
        return photos.get(name);
    }

    /** How often the photo was PUT (a try again after a lost answer PUTs it again). */
    public int photoPuts(String name) {
        AtomicInteger n = photoPuts.get(name);
        return n == null ? 0 : n.get();
    }

    // ---- the server ----

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            long at = System.nanoTime();
            byte[] raw = ex.getRequestBody().readAllBytes();
            if (ex.getRequestURI().getPath().startsWith(PHOTOS)) {
                respond(ex, photo(ex, raw));
                return;
            }
            if (!ex.getRequestURI().getPath().equals(PATH)) {
                respond(ex, new Answer(404, "{\"error\":\"not_found\",\"detail\":\"no such endpoint\"}", Map.of()));
                return;
            }
            if (!ex.getRequestMethod().equals("POST")) {
                respond(ex, new Answer(405, "{\"error\":\"method_not_allowed\"}", Map.of()));
                return;
            }
            String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            JsonNode body = JSON.readTree(raw);
            List<String> uuids = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            for (JsonNode e : body.path("entries")) {
                uuids.add(e.path("uuid").asText());
                seqs.add(e.path("seq").asLong());
            }
            Answer answer = echoStatus != 0 ? echo(auth, ex.getRequestURI().toString())
                    : decide(key, auth, body, uuids, seqs);
            requestCount.incrementAndGet();
            if (keepLog) received.add(new Received(key, auth, uuids, seqs, raw.length, Arrays.hashCode(raw), at, answer.status()));
            sleep(delay);
            respond(ex, answer);
        }
    }

    private synchronized Answer decide(String key, String auth, JsonNode body, List<String> uuids, List<Long> seqs) {
        if (requiredToken != null && !("Bearer " + requiredToken).equals(auth)) {
            return new Answer(401, "{\"error\":\"unauthorized\",\"detail\":\"unknown token\"}", Map.of());
        }
        if (key == null || key.isBlank() || !body.path("kit").path("deviceId").isTextual()) {
            return new Answer(400, "{\"error\":\"bad_request\",\"detail\":\"kit and Idempotency-Key are required\"}", Map.of());
        }
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Answer(failStatus, "{\"error\":\"unavailable\",\"detail\":\"try later\"}", Map.of());
        }
        if (throttlesLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Answer(429, "{\"error\":\"slow_down\"}", Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
        }
        Answer earlier = answered.get(key);
        if (earlier != null) return earlier;
        for (JsonNode name : body.path("attachments")) {
            if (!photos.containsKey(name.asText())) {
                return new Answer(422, JSON.createObjectNode().put("error", "attachment_missing")
                        .put("detail", "photo " + name.asText() + " was not sent before the batch").toString(), Map.of());
            }
        }
        for (String uuid : uuids) {
            String reason = refuseBatch.get(uuid);
            if (reason != null) return new Answer(422, JSON.createObjectNode().put("error", "invalid").put("detail", reason).toString(), Map.of());
        }
        var rejected = JSON.createArrayNode();
        for (int i = 0; i < uuids.size(); i++) {
            String reason = rejectOne.get(uuids.get(i));
            if (reason != null) {
                rejected.addObject().put("uuid", uuids.get(i)).put("error", reason);
            } else {
                stored.computeIfAbsent(uuids.get(i) + "@" + seqs.get(i), k -> new AtomicInteger()).incrementAndGet();
            }
        }
        var result = JSON.createObjectNode().put("stored", uuids.size() - rejected.size());
        if (!rejected.isEmpty()) result.set("rejected", rejected);
        Answer answer = new Answer(200, result.toString(), Map.of());
        answered.put(key, answer);
        return answer;
    }

    /** {@code PUT <url>/attachments/<name>}: kept once by name. */
    private synchronized Answer photo(HttpExchange ex, byte[] raw) {
        String name = ex.getRequestURI().getPath().substring(PHOTOS.length());
        String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
        if (requiredToken != null && !("Bearer " + requiredToken).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            return new Answer(401, "{\"error\":\"unauthorized\",\"detail\":\"unknown token\"}", Map.of());
        }
        if (!ex.getRequestMethod().equals("PUT")) return new Answer(405, "{\"error\":\"method_not_allowed\"}", Map.of());
        if (!PHOTO_NAME.matcher(name).matches() || !type.startsWith("image/")) {
            return new Answer(400, "{\"error\":\"bad_request\",\"detail\":\"a photo name and an image type are needed\"}", Map.of());
        }
        photoPuts.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        byte[] held = photos.putIfAbsent(name, raw);
        if (held != null && !Arrays.equals(held, raw)) {
            return new Answer(409, "{\"error\":\"conflict\",\"detail\":\"another photo has this name\"}", Map.of());
        }
        return new Answer(held == null ? 201 : 200, "{}", Map.of());
    }

    private Answer echo(String auth, String address) {
        String detail = "the credentials " + auth + " are not valid for " + address;
        return new Answer(echoStatus, JSON.createObjectNode().put("error", "unauthorized").put("detail", detail).toString(), Map.of());
    }

    private static void respond(HttpExchange ex, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        answer.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero()) return;
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
