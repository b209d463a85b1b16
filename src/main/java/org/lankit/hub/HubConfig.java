package org.lankit.hub;

/**
 * The hub's limits, an immutable snapshot. Defaults: any free port on all addresses, 4 MB bodies,
 * 500 entries a batch, pull pages of at most 1,000, 50 requests a second per device (burst 100),
 * local network only.
 *
 * @param host           address to listen on ("0.0.0.0" for the LAN, "127.0.0.1" in tests)
 * @param port           0 picks a free port
 */
public record HubConfig(String host, int port, long maxBodyBytes, int maxBatch, int maxPullLimit,
                        double requestsPerSecond, double burst, boolean localNetworkOnly) {

    public static HubConfig defaults() {
        return new HubConfig("0.0.0.0", 0, 4L * 1024 * 1024, 500, 1000, 50, 100, true);
    }

    public HubConfig withAddress(String newHost, int newPort) {
        return new HubConfig(newHost, newPort, maxBodyBytes, maxBatch, maxPullLimit, requestsPerSecond, burst, localNetworkOnly);
    }

    public HubConfig withRateLimit(double perSecond, double newBurst) {
        return new HubConfig(host, port, maxBodyBytes, maxBatch, maxPullLimit, perSecond, newBurst, localNetworkOnly);
    }
}
