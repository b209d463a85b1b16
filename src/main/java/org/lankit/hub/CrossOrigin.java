package org.lankit.hub;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * The phone app keeps working when the master laptop's address changes (another WiFi, a new
 * DHCP lease): the page a phone still has open comes from the old address, so it calls the
 * master at the new one across origins. The protocol answers such a page when its origin is an
 * http(s) address on the local network, as the phone app's always is. Tokens travel in the
 * Authorization header, never in cookies, so naming the origin lets a page read only what it
 * could ask with a token it holds.
 */
final class CrossOrigin {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private CrossOrigin() {
    }

    /** Before every protocol request: names a local-network origin as allowed (errors included). */
    static void allow(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !isLocalNetwork(origin)) return;
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Access-Control-Expose-Headers", TeamHeaders.TEAM + ", " + TeamHeaders.EPOCH);
        ctx.header("Vary", "Origin");
    }

    /** The browser's question before a call with a token or a JSON body. */
    static void preflight(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !isLocalNetwork(origin)) {
            throw ApiException.forbidden("cross_origin", "only pages from the local network may call the master");
        }
        ctx.header("Access-Control-Allow-Methods", "GET, POST, PUT");
        ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type, Content-Encoding, Accept, " + TeamHeaders.EPOCH);
        ctx.header("Access-Control-Max-Age", "600");
        ctx.status(204);
    }

    /** An http(s) origin whose host is an IP address in the loopback, private or link-local ranges. */
    static boolean isLocalNetwork(String origin) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return false;
        }
        String host = uri.getHost();
        boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
        // IP literals only: a name would need a DNS lookup, and a name may point anywhere
        boolean literal = host != null && (IPV4.matcher(host).matches() || host.startsWith("[") && host.contains(":"));
        return web && literal && Access.isLocal(host);
    }
}
