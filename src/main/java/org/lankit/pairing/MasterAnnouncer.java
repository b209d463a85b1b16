package org.lankit.pairing;

import java.io.IOException;
import java.net.InetAddress;
import javax.jmdns.JmDNS;

/**
 * Announces a running master on one network address. Always bound to an explicit address: JmDNS
 * would otherwise pick an adapter by itself. Closing is slow in JmDNS, so it happens in the
 * background.
 */
public final class MasterAnnouncer implements AutoCloseable {

    private final JmDNS jmdns;

    private MasterAnnouncer(JmDNS jmdns) {
        this.jmdns = jmdns;
    }

    public static MasterAnnouncer start(InetAddress on, String teamName, int port, String deviceId) throws IOException {
        JmDNS jmdns = JmDNS.create(Discovery.require(on), "lankit-" + deviceId);
        jmdns.registerService(Discovery.serviceInfo(teamName, port, deviceId));
        return new MasterAnnouncer(jmdns);
    }

    @Override
    public void close() {
        Thread closer = new Thread(() -> {
            try {
                jmdns.unregisterAllServices();
                jmdns.close();
            } catch (IOException ignored) {
                // the announcement times out on its own
            }
        }, "lankit-announce-close");
        closer.setDaemon(true);
        closer.start();
    }
}
