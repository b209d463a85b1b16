package org.lankit.sync;

import java.util.List;
import java.util.Map;

/**
 * What a client laptop keeps so it can take over as the team's master (protocol.md, "Take-over"):
 * the team's identity and codes, the kit authority, the paired devices (by token hash), the team
 * servers with their secrets, what each server holds of each entry, and the team's choices. Sent
 * only to laptops, over HTTPS; kept sealed on the laptop.
 *
 * @param masterId    the device id of the master that made this bundle
 * @param masterToken that master's own token: its device is among {@code devices} (kind
 *                    {@link #FORMER_MASTER}), so once replaced it can hand its entries to its successor
 * @param choices     the team's settings the successor keeps, by setting name
 * @param recoveryKey the key derived from the team's recovery key (base64), so the successor's
 *                    backups open with the key the coordinator printed; absent when there is none
 */
public record Succession(String teamId, long epoch, String teamName, String masterId, String masterToken,
                         String joinCode, String laptopCode, Authority authority, List<PairedDevice> devices,
                         List<Target> targets, List<Receipt> receipts, Map<String, String> choices,
                         String recoveryKey) {

    /** The device kind under which a successor knows its former master: it may hand entries over. */
    public static final String FORMER_MASTER = "master";

    public Succession {
        devices = List.copyOf(devices);
        targets = List.copyOf(targets);
        receipts = List.copyOf(receipts);
        // sorted, so the same bundle always gives the same bytes (its version is their hash)
        choices = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(choices));
    }

    /** The kit authority's certificate and private key (PEM), so devices keep trusting the successor. */
    public record Authority(String certificate, String key) {
    }

    /** A paired device, with the hash of its token (the token itself is on the device alone). */
    public record PairedDevice(String deviceId, String name, String kind, boolean approved, boolean revoked,
                               long pairedAt, String tokenHash) {
    }

    /** One team server as set up on the master, secrets included. */
    public record Target(String id, String kind, String url, String user, String token, String password,
                         Map<String, String> forms) {
    }

    /**
     * What one server answered about one entry, in the master's sequence numbers: the revision it
     * holds ({@code deliveredSeq}, with its name for it) and the one it refused, if any.
     */
    public record Receipt(String target, String uuid, long deliveredSeq, String ref, long failedSeq, String error) {
    }
}
