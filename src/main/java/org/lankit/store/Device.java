package org.lankit.store;

/** A device paired with the master (kind: phone or client). */
public record Device(String deviceId, String name, String kind, boolean approved, boolean revoked,
                     long pairedAt, long lastSeen) {
}
