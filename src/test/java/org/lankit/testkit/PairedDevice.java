package org.lankit.testkit;

import org.lankit.peer.MasterClient;
import org.lankit.sync.HlcClock;

/** A device as the master knows it, with a client that talks as this device. */
public record PairedDevice(String deviceId, String token, MasterClient client) {

    public HlcClock clock() {
        return HlcClock.system(deviceId);
    }
}
