package org.lankit.peer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongConsumer;
import javax.net.ssl.SSLHandshakeException;
import org.lankit.secure.PinnedTrust;
import org.lankit.sync.Entry;
import org.lankit.sync.EntryForm;
import org.lankit.sync.Form;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.Info;
import org.lankit.sync.Protocol.PairRequest;
import org.lankit.sync.Protocol.PairResponse;
import org.lankit.sync.Protocol.PullResponse;
import org.lankit.sync.Protocol.PushRequest;
import org.lankit.sync.Protocol.PushResponse;
import org.lankit.sync.Protocol.Status;

/**
 * Wire protocol v1 from the device side, over the JDK's HTTP client: what a client laptop (and
 * the test suite) uses to talk to a master. Every call throws {@link MasterError} for an error
 * answer and {@link IOException} when the master cannot be reached. Thread-safe.
 */
public final class MasterClient {

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http;
    private final URI base;
    private final String kitPin;
    private volatile String token;
    /** The form this master takes pushes in, learnt from {@code /info}; null until then. */
    private volatile EntryForm pushForm;
    /** The highest epoch of the team this device knows, sent on every call (0: none yet). */
    private volatile long knownEpoch;
    /** Sent by a successor to its former master: where the team's master is now. */
    private volatile String successorUrl;

    public MasterClient(String baseUrl, String token) {
        this(baseUrl, token, null);
    }

    /** With {@code kitPin}, an https master is trusted only when its certificate comes from that kit authority. */
    public MasterClient(String baseUrl, String token, String kitPin) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        this.token = token;
        this.kitPin = kitPin;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (kitPin != null) builder.sslContext(PinnedTrust.context(kitPin));
        this.http = builder.build();
    }

    public URI base() {
        return base;
    }

    public void useToken(String newToken) {
        this.token = newToken;
    }

    /** From now on every call names {@code epoch}, the highest epoch of the team this device knows. */
    public void sendEpoch(long epoch) {
        knownEpoch = epoch;
    }

    /** A successor calling its former master: every call names the successor's HTTPS address too. */
    public void sendSuccessor(String url) {
        successorUrl = url;
    }

    public Info info() throws IOException {
        Info info = send(get("/api/v1/info"), Info.class);
        pushForm = info.pushForm();
        return info;
    }

    /** Pairs with the join code and starts using the token it gets. */
    public PairResponse pair(String code, String name, String kind) throws IOException {
        PairResponse paired = send(post("/api/v1/pair", new PairRequest(code, name, kind)), PairResponse.class);
        useToken(paired.token());
        return paired;
    }

    public List<Form> forms() throws IOException {
        return List.of(send(get("/api/v1/forms"), Form[].class));
    }

    /**
     * Pushes a batch; a 422 whose every entry was refused is an answer too, with the reasons. A
     * master that knows the compact form gets it gzipped; an older one gets v1 as it always did.
     */
    public PushResponse push(List<Entry> entries) throws IOException {
        EntryForm form = pushForm != null ? pushForm : info().pushForm();
        byte[] body = form.writer().writeValueAsBytes(new PushRequest(entries));
        HttpRequest.Builder request = request("/api/v1/sync/push").header("Content-Type", "application/json");
        if (form == EntryForm.V2) {
            request.header("Content-Encoding", "gzip");
            body = Gzip.compress(body);
        }
        try {
            return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), PushResponse.class);
        } catch (MasterError e) {
            if (e.status() == 422 && e.body() != null && e.body().has("results")) {
                return JSON.treeToValue(e.body().without(List.of("error", "detail")), PushResponse.class);
            }
            throw e;
        }
    }

    public PullResponse pull(long since, int limit) throws IOException {
        return send(get("/api/v1/sync/pull?since=" + since + "&limit=" + limit + "&format=2"), PullResponse.class);
    }

    public Status status() throws IOException {
        return send(get("/api/v1/status"), Status.class);
    }

    /** The succession bundle as sent, with its version. */
    public record Bundle(String version, String json) {
    }

    /**
     * The master's succession bundle (laptops only, over HTTPS); empty when it is still the one
     * of {@code heldVersion} (null: none held).
     */
    public Optional<Bundle> succession(String heldVersion) throws IOException {
        HttpRequest.Builder request = request("/api/v1/succession");
        if (heldVersion != null) request.header("If-None-Match", "\"" + heldVersion + "\"");
        HttpResponse<byte[]> response = exchange(request.GET().build());
        if (response.statusCode() == 304) return Optional.empty();
        byte[] body = Gzip.bodyOf(response);
        if (response.statusCode() / 100 != 2) throw errorOf(response, body);
        String version = response.headers().firstValue("ETag").orElse("").replace("\"", "");
        return Optional.of(new Bundle(version, new String(body, StandardCharsets.UTF_8)));
    }

    /** A former master hands its entries to its successor; the answer counts what they changed there. */
    public JsonNode handover(List<Entry> entries) throws IOException {
        byte[] body = EntryForm.V1.writer().writeValueAsBytes(new PushRequest(entries));
        return send(request("/api/v1/takeover/handover").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), JsonNode.class);
    }

    /** Opens the live socket; {@code onSeq} gets every sequence number the master announces. */
    public CompletableFuture<WebSocket> live(LongConsumer onSeq, Runnable onClosed) {
        return live(onSeq, () -> { }, onClosed);
    }

    /** As above; {@code onRefresh} runs when the master says its forms or the coordinator's switches changed. */
    public CompletableFuture<WebSocket> live(LongConsumer onSeq, Runnable onRefresh, Runnable onClosed) {
        return live(onSeq, onRefresh, through -> { }, onClosed);
    }

    /** As above; {@code onReceipts} gets {@code through} when the master says the team's servers took or refused entries. */
    public CompletableFuture<WebSocket> live(LongConsumer onSeq, Runnable onRefresh, LongConsumer onReceipts, Runnable onClosed) {
        String wsBase = base.toString().replaceFirst("^http", "ws");
        return http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(wsBase + "/api/v1/sync/live?token=" + token),
                        new LiveListener(onSeq, onRefresh, onReceipts, onClosed));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Accept-Encoding", "gzip");
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (knownEpoch > 0) b.header("Lankit-Epoch", Long.toString(knownEpoch));
        String successor = successorUrl;
        if (successor != null) b.header("Lankit-Successor", successor);
        return b;
    }

    private HttpRequest get(String path) {
        return request(path).GET().build();
    }

    private HttpRequest post(String path, Object body) throws IOException {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
    }

    private <T> T send(HttpRequest request, Class<T> type) throws IOException {
        HttpResponse<byte[]> response = exchange(request);
        byte[] body = Gzip.bodyOf(response);
        if (response.statusCode() / 100 != 2) throw errorOf(response, body);
        // a newer master may say more than this client knows: what it knows still counts
        return JSON.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (SSLHandshakeException e) {
            throw kitPin != null && causedBy(e, PinnedTrust.NotThisKitException.class) ? new UntrustedMasterException(base) : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }

    private static MasterError errorOf(HttpResponse<byte[]> response, byte[] answer) {
        String error = "http_" + response.statusCode();
        String detail = "";
        JsonNode body = null;
        try {
            body = JSON.readTree(answer);
            error = body.path("error").asText(error);
            detail = body.path("detail").asText("");
        } catch (IOException | RuntimeException notJson) {
            detail = "the master's answer was not JSON";
        }
        long retryAfter = response.headers().firstValue("Retry-After").map(MasterClient::seconds).orElse(0L);
        return new MasterError(response.statusCode(), error, detail, retryAfter, body instanceof com.fasterxml.jackson.databind.node.ObjectNode o ? o : null);
    }

    private static long seconds(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Collects text frames and hands each announced seq on. */
    private static final class LiveListener implements WebSocket.Listener {
        private final LongConsumer onSeq;
        private final Runnable onRefresh;
        private final LongConsumer onReceipts;
        private final Runnable onClosed;
        private final StringBuilder partial = new StringBuilder();

        LiveListener(LongConsumer onSeq, Runnable onRefresh, LongConsumer onReceipts, Runnable onClosed) {
            this.onSeq = onSeq;
            this.onRefresh = onRefresh;
            this.onReceipts = onReceipts;
            this.onClosed = onClosed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode msg = JSON.readTree(text);
                    String type = msg.path("type").asText();
                    if ("seq".equals(type)) onSeq.accept(msg.path("seq").asLong());
                    if ("refresh".equals(type)) onRefresh.run();
                    if ("receipts".equals(type)) onReceipts.accept(msg.path("seq").asLong());
                } catch (IOException ignored) {
                    // not an announcement: nothing to do
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            onClosed.run();
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            onClosed.run();
        }
    }
}
