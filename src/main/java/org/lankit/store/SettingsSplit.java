package org.lankit.store;

import io.objectbox.Box;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Older Lankit kept everything in one table of settings: sync bookkeeping and secrets too. At each
 * open, whatever of those is still there moves to {@link SyncState} or {@link Secrets}, in one
 * transaction (a crash leaves it all in the old place, moved at the next open). The names are
 * those older versions wrote; the packages that own them read them through their own classes.
 */
final class SettingsSplit {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsSplit.class);
    private static final Set<String> SYNC_STATE = Set.of("lastSeq", "changeBlocks", "upstream.perServer", "upstream.inFlight",
            "upstream.batchNo", "peer.checkpoint", "peer.receipts", "address.history", "backup.lastAutomatic");
    /** Per team server: its cursor, batch in flight and batch number. */
    private static final Pattern UPLOAD_STATE = Pattern.compile("upstream\\.[^.]+\\.(through|inFlight|batchNo)");
    /** Team servers' addresses may carry a key, so their list goes with their tokens. */
    private static final Set<String> SECRETS = Set.of("joinCode", "laptopCode", "peer.token", "upstream.apiToken",
            "upstream.targets", "upstream.apiUrl");
    private static final String SECRET_PREFIX = "upstream.secret.";

    private SettingsSplit() {
    }

    static void moveOlderKeys(Box<SettingRecord> settings, SyncState state, Secrets secrets, FailedCommits commits) {
        List<SettingRecord> all = ReadTx.read(settings, settings::getAll);
        List<SettingRecord> moving = all.stream().filter(r -> isSyncState(r.name) || isSecret(r.name)).toList();
        if (moving.isEmpty()) return;
        commits.write(() -> {
            for (SettingRecord r : moving) {
                if (isSecret(r.name)) {
                    secrets.put(r.name, r.value);
                } else {
                    state.put(r.name, r.value);
                }
            }
            settings.remove(moving);
        });
        LOG.info("moved {} settings of an older data folder to the sync state and the sealed secrets", moving.size());
    }

    private static boolean isSyncState(String name) {
        return SYNC_STATE.contains(name) || UPLOAD_STATE.matcher(name).matches();
    }

    private static boolean isSecret(String name) {
        return SECRETS.contains(name) || name.startsWith(SECRET_PREFIX);
    }
}
