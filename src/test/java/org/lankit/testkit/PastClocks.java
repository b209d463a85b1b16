package org.lankit.testkit;

import java.io.IOException;
import java.time.Duration;
import org.lankit.peer.MasterClient;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Protocol.PairResponse;

/** Devices whose work is old: clocks that run a fixed time behind, instead of tests that wait days. */
public final class PastClocks {

    private PastClocks() {
    }

    /** A clock of {@code deviceId} that reads {@code ago} earlier than now. */
    public static HlcClock behind(String deviceId, Duration ago) {
        return new HlcClock(deviceId, () -> System.currentTimeMillis() - ago.toMillis());
    }

    /** A device of kind client (it may change any entry), paired with {@code master}'s laptop join code. */
    public static PairedDevice pairClient(RunningMaster master, String name) throws IOException {
        MasterClient client = new MasterClient(master.baseUrl(), null);
        PairResponse paired = client.pair(master.kit().laptopJoinCode(), name, "client");
        return new PairedDevice(paired.deviceId(), paired.token(), client);
    }
}
