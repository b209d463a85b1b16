package org.lankit.pairing;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceListener;

/** Listens on one network address for masters announcing themselves; thread-safe. */
public final class MasterBrowser implements AutoCloseable {

    private final JmDNS jmdns;
    private final Map<String, FoundMaster> found = new ConcurrentHashMap<>();

    private MasterBrowser(JmDNS jmdns) {
        this.jmdns = jmdns;
    }

    public static MasterBrowser start(InetAddress on, Consumer<FoundMaster> onFound) throws IOException {
        JmDNS jmdns = JmDNS.create(Discovery.require(on), "lankit-browser");
        MasterBrowser browser = new MasterBrowser(jmdns);
        jmdns.addServiceListener(Discovery.SERVICE_TYPE, new ServiceListener() {
            @Override
            public void serviceAdded(ServiceEvent event) {
                jmdns.requestServiceInfo(event.getType(), event.getName(), 1000);
            }

            @Override
            public void serviceRemoved(ServiceEvent event) {
                browser.found.values().removeIf(m -> event.getName().endsWith("(" + m.deviceId() + ")"));
            }

            @Override
            public void serviceResolved(ServiceEvent event) {
                FoundMaster master = Discovery.parse(event.getInfo());
                if (master != null && browser.found.put(master.deviceId(), master) == null) onFound.accept(master);
            }
        });
        return browser;
    }

    public List<FoundMaster> found() {
        return List.copyOf(found.values());
    }

    @Override
    public void close() {
        Thread closer = new Thread(() -> {
            try {
                jmdns.close();
            } catch (IOException ignored) {
                // nothing more to hear
            }
        }, "lankit-browse-close");
        closer.setDaemon(true);
        closer.start();
    }
}
