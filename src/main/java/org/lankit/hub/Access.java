package org.lankit.hub;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.lankit.pairing.Tokens;
import org.lankit.store.Device;
import org.lankit.store.DeviceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may call what: only the local network, only paired devices with a valid token on protected
 * endpoints, and no device faster than its rate limit, except for the next page of a catch-up
 * ({@link CatchUpWalks}).
 */
final class Access {

    private static final Logger LOG = LoggerFactory.getLogger(Access.class);
    static final String DEVICE = "lankit.device";
    /** Last-seen times are written at most this often per device: enough for "connected now". */
    private static final long SEEN_STEP_MS = 30_000;

    private final DeviceRegistry devices;
    private final RateLimiter limiter;
    private final CatchUpWalks walks;
    private final boolean localNetworkOnly;

    Access(DeviceRegistry devices, RateLimiter limiter, CatchUpWalks walks, boolean localNetworkOnly) {
        this.devices = devices;
        this.limiter = limiter;
        this.walks = walks;
        this.localNetworkOnly = localNetworkOnly;
    }

    /** Before every request: refuse addresses outside loopback, private and link-local ranges. */
    void requireLocalNetwork(Context ctx) {
        if (localNetworkOnly && !isLocal(ctx.ip())) {
            throw ApiException.forbidden("local_network_only", "this kit answers only devices on its local network");
        }
    }

    /** Before protected API requests: a known, unrevoked token, within the rate limit unless it continues a catch-up. */
    void requireDevice(Context ctx) {
        String token = bearer(ctx.header("Authorization"));
        Device device = authenticate(token, isSecure(ctx)).orElseThrow(() -> refusal(token));
        if (!walks.continuesWalk(device.deviceId(), ctx)) {
            long wait = limiter.acquire(device.deviceId());
            if (wait > 0) throw ApiException.tooManyRequests(wait);
        }
        ctx.attribute(DEVICE, device);
    }

    /**
     * Before the coordinator's actions: the request must come from the master's own machine (the
     * panel or a script on it), never from a phone on the WiFi, even a paired one.
     */
    void requireSameMachine(Context ctx) {
        if (!isSameMachine(ctx.ip())) {
            throw ApiException.forbidden("coordinator_only",
                    "only the coordinator can do this, on the master itself: use \"Send refused entries again\" in its settings");
        }
    }

    /** Rate limit for public endpoints that take guesses (pairing), keyed by address. */
    void limitByAddress(Context ctx) {
        long wait = limiter.acquire("ip:" + ctx.ip());
        if (wait > 0) throw ApiException.tooManyRequests(wait);
    }

    /** The device with this token, noting that it called now, over HTTPS ({@code secure}) or not. */
    Optional<Device> authenticate(String token, boolean secure) {
        if (token == null || token.isEmpty() || token.length() > 200) return Optional.empty();
        return devices.byTokenHash(Tokens.hash(token)).filter(d -> !d.revoked() && d.approved()).map(d -> seen(d, secure));
    }

    static boolean isSecure(Context ctx) {
        return "https".equals(ctx.scheme());
    }

    /** A paired device that waits for the coordinator's approval is told so, and keeps its token. */
    private ApiException refusal(String token) {
        boolean waiting = token != null && !token.isEmpty() && token.length() <= 200
                && devices.byTokenHash(Tokens.hash(token)).filter(d -> !d.revoked() && !d.approved()).isPresent();
        return waiting
                ? ApiException.forbidden("awaiting_approval", "the coordinator has not approved this device yet: ask them to approve it on the master")
                : ApiException.unauthorized("pair this device first (missing, unknown or revoked token)");
    }

    private Device seen(Device device, boolean secure) {
        long now = System.currentTimeMillis();
        if (now - device.lastSeen() < SEEN_STEP_MS && device.secure() == secure) return device;
        try {
            devices.touch(device.deviceId(), now, secure);
        } catch (RuntimeException notWritten) {
            // "last seen" is for the panel only: a full disk must not stop a device from pulling
            LOG.warn("could not note that device {} was seen: {}", device.deviceId(), notWritten.getMessage());
        }
        return device;
    }

    static Device device(Context ctx) {
        return ctx.attribute(DEVICE);
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        return header.substring(7).trim();
    }

    static boolean isSameMachine(String ip) {
        try {
            return InetAddress.getByName(ip.startsWith("[") ? ip.substring(1, ip.length() - 1) : ip).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static boolean isLocal(String ip) {
        try {
            InetAddress a = InetAddress.getByName(ip.startsWith("[") ? ip.substring(1, ip.length() - 1) : ip);
            if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()) return true;
            byte[] b = a.getAddress();
            // IPv6 unique local addresses fc00::/7 are the v6 private range
            return b.length == 16 && (b[0] & 0xfe) == 0xfc;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
