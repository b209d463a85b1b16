package org.lankit.ui;

import java.util.function.Function;
import org.lankit.app.MasterKit;
import org.lankit.store.KitStore;

/**
 * The parts of the kit the panel shows but does not own, made once the store (and, on the master,
 * the running kit) exists. A factory may return null: the panel then says the part is not set up.
 * {@link EngineServices} gives the real ones.
 */
public record PanelServices(Function<MasterKit, ApiLink> api,
                            Function<MasterKit, BackupExporter> backup,
                            Function<KitStore, PeerLink> peer) {

    /** None of the optional parts: the screens alone, as some tests show them. */
    public static PanelServices none() {
        return new PanelServices(kit -> null, kit -> null, store -> null);
    }
}
