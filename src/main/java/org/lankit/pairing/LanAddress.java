package org.lankit.pairing;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the address phones should use to reach this laptop: a real network adapter (WiFi first,
 * then wired), never loopback and never a virtual adapter (Docker, VirtualBox, VPNs).
 */
public final class LanAddress {

    private static final List<String> VIRTUAL = List.of("docker", "veth", "br-", "virbr", "vbox", "vmnet",
            "tun", "tap", "zt", "utun", "wg", "tailscale", "lxc", "lxd", "cni", "flannel", "hyper-v", "vethernet",
            "virtual", "vmware", "loopback");

    /** One candidate adapter and its IPv4 address. */
    public record Candidate(String adapter, String displayName, InetAddress address, boolean wireless) {
    }

    private LanAddress() {
    }

    public static List<Candidate> candidates() {
        List<Candidate> found = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isPointToPoint() || nic.isVirtual() || isVirtual(nic)) continue;
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        found.add(new Candidate(nic.getName(), nic.getDisplayName(), a, isWireless(nic)));
                    }
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        found.sort(Comparator.comparing((Candidate c) -> !c.wireless())
                .thenComparing(c -> !c.address().isSiteLocalAddress())
                .thenComparing(Candidate::adapter));
        return found;
    }

    public static Optional<InetAddress> best() {
        return candidates().stream().findFirst().map(Candidate::address);
    }

    /** The host for join URLs: the best LAN address, else loopback (this laptop only). */
    public static String bestHost() {
        return best().map(InetAddress::getHostAddress).orElse("127.0.0.1");
    }

    private static boolean isVirtual(NetworkInterface nic) {
        String name = (nic.getName() + " " + nic.getDisplayName()).toLowerCase(Locale.ROOT);
        return VIRTUAL.stream().anyMatch(name::contains);
    }

    private static boolean isWireless(NetworkInterface nic) {
        String name = (nic.getName() + " " + nic.getDisplayName()).toLowerCase(Locale.ROOT);
        return name.startsWith("wl") || name.contains("wi-fi") || name.contains("wifi") || name.contains("wireless")
                || name.contains("802.11");
    }
}
