package org.lankit.store;

import java.nio.file.Path;
import org.lankit.secure.DataKey;

/**
 * For the sealing benchmark only: a store whose entries and audit summaries go through the same
 * code as always but are kept plain, so sealing's cost shows against it in the same run.
 */
public final class PlainStores {

    private PlainStores() {
    }

    public static KitStore open(Path dataDir) {
        return KitStore.open(dataDir, System::currentTimeMillis, KitStore.DEFAULT_MAX_SIZE_KB, PlainRecords::new);
    }

    private static final class PlainRecords extends SealedRecords {

        PlainRecords(DataKey key) {
            super(key);
        }

        @Override
        byte[] seal(byte[] plain, String place) {
            return plain;
        }

        @Override
        byte[] open(byte[] sealed, String place) {
            return sealed;
        }
    }
}
