package org.lankit.hub;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.LiveMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /sync/live}: tells every connected device the master's new sequence number as soon as a
 * change commits, so devices pull at once instead of polling; and {@code refresh} when the forms
 * or a coordinator's switch that devices follow changed, so they read those again. The token comes as the
 * {@code token} query parameter or as a first message {@code {"type":"auth","token":"..."}}.
 */
final class LiveSocket implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSocket.class);
    private static final int POLICY_VIOLATION = 1008;

    private final Access access;
    private final LongSupplier currentSeq;
    private final Set<WsContext> devices = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lankit-live");
        t.setDaemon(true);
        return t;
    });

    LiveSocket(Access access, LongSupplier currentSeq) {
        this.access = access;
        this.currentSeq = currentSeq;
    }

    void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            ctx.enableAutomaticPings(15, TimeUnit.SECONDS);
            String token = ctx.queryParam("token");
            if (token != null) admit(ctx, token);
        });
        ws.onMessage(ctx -> {
            if (devices.contains(ctx)) return;
            JsonNode msg = parseQuietly(ctx.message());
            if (msg != null && "auth".equals(msg.path("type").asText())) {
                admit(ctx, msg.path("token").asText(""));
            } else {
                ctx.closeSession(POLICY_VIOLATION, "send {\"type\":\"auth\",\"token\":...} first");
            }
        });
        ws.onClose(devices::remove);
        ws.onError(devices::remove);
    }

    /** Announces the new sequence number to every device (asynchronously: pushes never wait on sockets). */
    void announce(long seq) {
        sendToAll("seq", seq);
    }

    /** Tells every device to fetch the forms and the coordinator's switches again. */
    void refresh() {
        sendToAll("refresh", currentSeq.getAsLong());
    }

    private void sendToAll(String type, long seq) {
        sender.execute(() -> {
            String text = message(type, seq);
            for (WsContext ctx : devices) {
                try {
                    ctx.send(text);
                } catch (RuntimeException e) {
                    devices.remove(ctx);
                }
            }
        });
    }

    int connectedCount() {
        return devices.size();
    }

    private void admit(WsContext ctx, String token) {
        if (access.authenticate(token, ctx.session.isSecure()).isEmpty()) {
            ctx.closeSession(POLICY_VIOLATION, "unknown or revoked token: pair this device first");
            return;
        }
        devices.add(ctx);
        ctx.send(message("seq", currentSeq.getAsLong()));
    }

    private static String message(String type, long seq) {
        try {
            return Json.MAPPER.writeValueAsString(new LiveMessage(type, seq));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parseQuietly(String text) {
        try {
            return text.length() > 1000 ? null : Json.MAPPER.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(2, TimeUnit.SECONDS)) sender.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.debug("live socket closed");
    }
}
