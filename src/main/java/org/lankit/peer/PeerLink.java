package org.lankit.peer;

import java.util.Optional;
import org.lankit.store.Settings;

/**
 * What a client laptop remembers about the master it joined, so a restart reconnects without
 * asking: the master's address and id, and this laptop's device id and token.
 */
public record PeerLink(String masterUrl, String masterId, String deviceId, String token) {

    private static final String URL = "peer.masterUrl";
    private static final String MASTER_ID = "peer.masterId";
    private static final String DEVICE_ID = "peer.deviceId";
    private static final String TOKEN = "peer.token";

    public static Optional<PeerLink> load(Settings settings) {
        Optional<String> token = settings.get(TOKEN);
        if (token.isEmpty()) return Optional.empty();
        return Optional.of(new PeerLink(settings.get(URL).orElseThrow(), settings.get(MASTER_ID).orElse(""),
                settings.get(DEVICE_ID).orElseThrow(), token.get()));
    }

    public void save(Settings settings) {
        settings.put(URL, masterUrl);
        settings.put(MASTER_ID, masterId);
        settings.put(DEVICE_ID, deviceId);
        settings.put(TOKEN, token);
    }

    /** Pairs with the master at {@code masterUrl} using the join code shown under its QR code. */
    public static PeerLink pair(String masterUrl, String joinCode, String name) throws java.io.IOException {
        MasterClient client = new MasterClient(masterUrl, null);
        String masterId = client.info().deviceId();
        var paired = client.pair(joinCode, name, "client");
        return new PeerLink(client.base().toString(), masterId, paired.deviceId(), paired.token());
    }

    @Override
    public String toString() {
        return "PeerLink[" + masterUrl + ", device " + deviceId + "]";
    }
}
