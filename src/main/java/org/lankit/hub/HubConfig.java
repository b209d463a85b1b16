package org.lankit.hub;

/**
 * The hub's limits, an immutable snapshot. Defaults: any free port on all addresses, 4 MB bodies,
 * 500 entries a batch, pull pages of at most 1,000, 50 requests a second per device (burst 100),
 * local network only, announced on the LAN.
 *
 * @param host      address to listen on ("0.0.0.0" for every adapter, "127.0.0.1" in tests)
 * @param port      0 picks a free port
 * @param httpsPort the HTTPS listener's port on the same address (0 picks a free one); used only
 *                  when the hub is given a server certificate
 * @param announce whether the master announces itself for discovery (on {@code host}, or on the
 *                 best LAN address when listening on every adapter)
 */
public record HubConfig(String host, int port, int httpsPort, long maxBodyBytes, int maxBatch, int maxPullLimit,
                        double requestsPerSecond, double burst, boolean localNetworkOnly, boolean announce) {

    public static final String ALL_ADDRESSES = "0.0.0.0";

    public static HubConfig defaults() {
        return new HubConfig(ALL_ADDRESSES, 0, 0, 4L * 1024 * 1024, 500, 1000, 50, 100, true, true);
    }

    public HubConfig withAddress(String newHost, int newPort) {
        return new HubConfig(newHost, newPort, httpsPort, maxBodyBytes, maxBatch, maxPullLimit, requestsPerSecond, burst,
                localNetworkOnly, announce);
    }

    public HubConfig withRateLimit(double perSecond, double newBurst) {
        return new HubConfig(host, port, httpsPort, maxBodyBytes, maxBatch, maxPullLimit, perSecond, newBurst, localNetworkOnly, announce);
    }

    public HubConfig withAnnouncement(boolean on) {
        return new HubConfig(host, port, httpsPort, maxBodyBytes, maxBatch, maxPullLimit, requestsPerSecond, burst, localNetworkOnly, on);
    }

    public HubConfig withHttpsPort(int newHttpsPort) {
        return new HubConfig(host, port, newHttpsPort, maxBodyBytes, maxBatch, maxPullLimit, requestsPerSecond, burst,
                localNetworkOnly, announce);
    }

    public boolean listensEverywhere() {
        return ALL_ADDRESSES.equals(host);
    }
}
