package org.lankit.app;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.lankit.pairing.JoinUrl;
import org.lankit.pairing.LanAddress;

/**
 * The address phones are shown (QR code, join and set-up URLs, headless output), chosen in one
 * place: the address the master listens on when it was given one ({@code --bind}), else the one
 * the coordinator picked in Settings while this laptop still has it, else the best LAN address.
 *
 * @param reach whether a phone can reach {@code host}, and if not, why
 */
public record JoinAddress(String host, int port, Reach reach) {

    /** Whether phones can reach the address shown. */
    public enum Reach {
        /** A network address of this laptop. */
        NETWORK,
        /** The master listens on loopback only ({@code --bind 127.0.0.1}): only this laptop reaches it. */
        LOOPBACK_ONLY,
        /** The laptop has no network adapter with an address: the QR code can only show loopback. */
        NO_NETWORK
    }

    /**
     * @param listenHost the address the hub listens on ({@code 0.0.0.0}: every adapter)
     * @param chosen     the address picked in Settings, if any
     * @param candidates this laptop's LAN addresses now, best first
     */
    static JoinAddress choose(String listenHost, int port, Optional<String> chosen, List<String> candidates) {
        boolean everywhere = listenHost == null || listenHost.equals("0.0.0.0") || listenHost.equals("::");
        if (!everywhere) return new JoinAddress(listenHost, port, isLoopback(listenHost) ? Reach.LOOPBACK_ONLY : Reach.NETWORK);
        if (candidates.isEmpty()) return new JoinAddress("127.0.0.1", port, Reach.NO_NETWORK);
        return new JoinAddress(chosen.filter(candidates::contains).orElse(candidates.get(0)), port, Reach.NETWORK);
    }

    /** The same, with this laptop's addresses as they are now. */
    static JoinAddress now(String listenHost, int port, Optional<String> chosen) {
        return choose(listenHost, port, chosen, LanAddress.candidates().stream().map(c -> c.address().getHostAddress()).toList());
    }

    public String joinUrl(String joinCode) {
        return JoinUrl.of(host, port, joinCode);
    }

    public String setupUrl(String joinCode) {
        return JoinUrl.setup(host, port, joinCode);
    }

    /** {@code host:port}, as the notice about a moved master shows it. */
    public String hostAndPort() {
        return host + ":" + port;
    }

    public boolean phonesCanReach() {
        return reach == Reach.NETWORK;
    }

    private static boolean isLoopback(String host) {
        if (host.startsWith("127.") || host.equals("::1") || host.equalsIgnoreCase("localhost")) return true;
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
