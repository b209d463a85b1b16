package org.lankit.peer;

/**
 * A client laptop's sync state for the screen: whether the master is reachable, how many entries
 * wait to be sent or were refused, when the last sync finished (epoch ms, 0 never) and why the
 * last try failed (null when it did not).
 */
public record PeerState(String masterUrl, boolean connected, long pending, long rejected, long lastSyncAt, String lastError) {
}
