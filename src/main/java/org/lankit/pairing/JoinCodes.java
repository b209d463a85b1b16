package org.lankit.pairing;

/**
 * The two codes a master accepts: {@code phone}, the join code on the QR code every phone scans,
 * and {@code laptop}, shown only on the master's own screen inside the laptop join code. A
 * device that pairs as a client laptop with the phone code waits for the coordinator's approval;
 * with the laptop code (and the kit authority's pin after it) it may send at once.
 */
public record JoinCodes(String phone, String laptop) {
}
