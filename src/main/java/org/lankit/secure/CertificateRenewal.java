package org.lankit.secure;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the server certificate right while the master runs: every minute it asks which names
 * phones reach the master by, and hands a newly signed identity to the listener when those
 * changed (another WiFi, a new lease) or expiry nears. The authority stays, so phones that trust
 * the kit go on trusting it.
 */
public final class CertificateRenewal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateRenewal.class);
    private static final long EVERY_SECONDS = 60;

    private final ScheduledExecutorService timer;

    private CertificateRenewal(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    public static CertificateRenewal start(KitAuthority authority, ServerIdentity current, Supplier<ServerNames> names,
                                           Consumer<ServerIdentity> use) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lankit-certificate");
            t.setDaemon(true);
            return t;
        });
        ServerIdentity[] inUse = {current};
        timer.scheduleWithFixedDelay(() -> {
            try {
                ServerIdentity next = authority.serverIdentity(names.get());
                if (next != inUse[0]) {
                    use.accept(next);
                    inUse[0] = next;
                    LOG.info("the master's addresses changed: new server certificate for {}", KitAuthority.ipNames(next.certificate()));
                }
            } catch (RuntimeException e) {
                LOG.warn("could not renew the server certificate: {}", e.getMessage());
            }
        }, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
        return new CertificateRenewal(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
