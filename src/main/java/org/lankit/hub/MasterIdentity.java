package org.lankit.hub;

import org.lankit.sync.HlcClock;

/** Who the master is: its device id, its team name, and its clock. */
public record MasterIdentity(String deviceId, String name, String version, HlcClock clock) {
}
