package org.lankit.ui;

import java.net.InetAddress;
import java.util.Optional;
import java.util.function.Supplier;
import org.lankit.pairing.LanAddress;

/** The real engines behind the panel: the uploader, the backup engine and the client laptop's sync. */
public final class EngineServices {

    private EngineServices() {
    }

    /** What a double-click uses: masters are looked for on the best network address (Wi-Fi first). */
    public static PanelServices real() {
        return real(LanAddress::best);
    }

    /** The same, looking for masters on the given address (tests: loopback only), none when empty. */
    static PanelServices real(Supplier<Optional<InetAddress>> discoverOn) {
        return new PanelServices(kit -> new UploaderLink(kit.uploads()), BackupLink::new,
                store -> ClientLink.open(store, discoverOn.get().orElse(null)));
    }
}
