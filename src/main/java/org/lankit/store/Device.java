package org.lankit.store;

/**
 * A device paired with the master (kind: phone or client); {@code secure} says whether it last
 * called over HTTPS (the panel shows who still uses plain HTTP).
 */
public record Device(String deviceId, String name, String kind, boolean approved, boolean revoked,
                     long pairedAt, long lastSeen, boolean secure) {
}
