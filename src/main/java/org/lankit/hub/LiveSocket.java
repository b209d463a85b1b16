package org.lankit.hub;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.LiveMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /sync/live}: tells every connected device the master's new sequence number as soon as a
 * change commits, so devices pull at once instead of polling; and {@code refresh} when the forms
 * or a coordinator's switch that devices follow changed, so they read those again; and {@code receipts}
 * when the team's servers took or refused entries, so they read {@code /status}. The token comes as the
 * {@code token} query parameter or as a first message {@code {"type":"auth","token":"..."}}. A
 * socket without a valid token is closed after {@link #AUTH_WINDOW}, and each address may hold
 * at most {@value #MAX_WAITING_PER_ADDRESS} sockets that have not sent one yet, so sockets opened
 * and left idle cannot pile up.
 */
final class LiveSocket implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSocket.class);
    private static final int POLICY_VIOLATION = 1008;
    static final Duration AUTH_WINDOW = Duration.ofSeconds(5);
    static final int MAX_WAITING_PER_ADDRESS = 8;
    /**
     * At most one {@code receipts} message per this gap: an uploader taking a batch every few
     * milliseconds would otherwise have every device read {@code /status} as often.
     */
    static final Duration RECEIPTS_GAP = Duration.ofMillis(250);

    private final Access access;
    private final LongSupplier currentSeq;
    private final LongSupplier receiptsThrough;
    /** A receipts message is scheduled and will carry the receipts as they are when it goes. */
    private final AtomicBoolean receiptsDue = new AtomicBoolean();
    /** When the last receipts message went (System.nanoTime); only the sender thread writes it. */
    private volatile long receiptsSentAt = System.nanoTime() - RECEIPTS_GAP.toNanos();
    private final Set<WsContext> devices = ConcurrentHashMap.newKeySet();
    /** Sockets still to send a token, by the address they came from; guarded by itself. */
    private final Map<String, Set<WsContext>> waiting = new HashMap<>();
    /** Sends announcements and closes sockets whose time to send a token ran out. */
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lankit-live");
        t.setDaemon(true);
        return t;
    });

    LiveSocket(Access access, LongSupplier currentSeq, LongSupplier receiptsThrough) {
        this.access = access;
        this.currentSeq = currentSeq;
        this.receiptsThrough = receiptsThrough;
    }

    void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            String token = ctx.queryParam("token");
            if (token != null) {
                admit(ctx, token);
            } else {
                await(ctx);
            }
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
        ws.onClose(this::forget);
        ws.onError(this::forget);
    }

    /** A socket without a token in its address: it has {@link #AUTH_WINDOW} to send one. */
    private void await(WsContext ctx) {
        String address = address(ctx.session.getRemoteSocketAddress());
        boolean room;
        synchronized (waiting) {
            Set<WsContext> fromThere = waiting.computeIfAbsent(address, a -> ConcurrentHashMap.newKeySet());
            room = fromThere.size() < MAX_WAITING_PER_ADDRESS;
            if (room) fromThere.add(ctx);
        }
        if (!room) {
            ctx.closeSession(POLICY_VIOLATION, "too many sockets from this address without a token");
            return;
        }
        sender.schedule(() -> {
            if (stopWaiting(ctx)) ctx.closeSession(POLICY_VIOLATION, "no token within " + AUTH_WINDOW.toSeconds() + " s");
        }, AUTH_WINDOW.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether {@code ctx} was still waiting for its token (it is not any more). */
    private boolean stopWaiting(WsContext ctx) {
        synchronized (waiting) {
            for (var it = waiting.values().iterator(); it.hasNext(); ) {
                Set<WsContext> fromThere = it.next();
                if (fromThere.remove(ctx)) {
                    if (fromThere.isEmpty()) it.remove();
                    return true;
                }
            }
            return false;
        }
    }

    private void forget(WsContext ctx) {
        devices.remove(ctx);
        stopWaiting(ctx);
    }

    private static String address(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(remote);
    }

    /** Announces the new sequence number to every device (asynchronously: pushes never wait on sockets). */
    void announce(long seq) {
        sendToAll("seq", seq);
    }

    /** Tells every device to fetch the forms and the coordinator's switches again. */
    void refresh() {
        sendToAll("refresh", currentSeq.getAsLong());
    }

    /**
     * Tells every device that the receipts moved, coalesced: changes while a message is scheduled
     * ride on it, and messages go at most once per {@link #RECEIPTS_GAP}.
     */
    void receiptsMoved() {
        if (!receiptsDue.compareAndSet(false, true)) return;
        long wait = Math.max(0, receiptsSentAt + RECEIPTS_GAP.toNanos() - System.nanoTime());
        try {
            sender.schedule(() -> {
                // cleared before reading the receipts: a change from here on schedules the next message
                receiptsDue.set(false);
                receiptsSentAt = System.nanoTime();
                sendNowToAll("receipts", receiptsThrough.getAsLong());
            }, wait, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            receiptsDue.set(false);
        }
    }

    private void sendToAll(String type, long seq) {
        sender.execute(() -> sendNowToAll(type, seq));
    }

    private void sendNowToAll(String type, long seq) {
        String text = message(type, seq);
        for (WsContext ctx : devices) {
            try {
                ctx.send(text);
            } catch (RuntimeException e) {
                devices.remove(ctx);
            }
        }
    }

    int connectedCount() {
        return devices.size();
    }

    private void admit(WsContext ctx, String token) {
        stopWaiting(ctx);
        if (access.authenticate(token, ctx.session.isSecure()).isEmpty()) {
            ctx.closeSession(POLICY_VIOLATION, "unknown or revoked token: pair this device first");
            return;
        }
        ctx.enableAutomaticPings(15, TimeUnit.SECONDS);
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
