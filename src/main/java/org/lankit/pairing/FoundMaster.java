package org.lankit.pairing;

/** A master heard on the network: its team name, address and device id. */
public record FoundMaster(String name, String url, String deviceId) {
}
