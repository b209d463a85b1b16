package org.lankit.peer;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.lankit.pairing.LaptopJoinCode;
import org.lankit.store.KitStore;
import org.lankit.store.Settings;
import org.lankit.store.TeamIdentity;
import org.lankit.sync.Protocol.Info;
import org.lankit.sync.Protocol.Secure;

/**
 * What a client laptop remembers about the master it joined, so a restart reconnects without
 * asking: the master's address and id, this laptop's device id and token, and the pin of the kit
 * authority it trusts (absent for a master without HTTPS). The token is kept in the sealed
 * secrets, the rest in the settings.
 */
public record PeerLink(String masterUrl, String masterId, String deviceId, String token, String kitPin) {

    private static final String URL = "peer.masterUrl";
    private static final String MASTER_ID = "peer.masterId";
    private static final String DEVICE_ID = "peer.deviceId";
    private static final String TOKEN = "peer.token";
    private static final String KIT_PIN = "peer.kitPin";

    public static Optional<PeerLink> load(KitStore store) {
        Settings settings = store.settings();
        Optional<String> token = store.secrets().get(TOKEN);
        if (token.isEmpty()) return Optional.empty();
        return Optional.of(new PeerLink(settings.get(URL).orElseThrow(), settings.get(MASTER_ID).orElse(""),
                settings.get(DEVICE_ID).orElseThrow(), token.get(), settings.get(KIT_PIN).orElse(null)));
    }

    public void save(KitStore store) {
        Settings settings = store.settings();
        settings.put(URL, masterUrl);
        settings.put(MASTER_ID, masterId);
        settings.put(DEVICE_ID, deviceId);
        store.secrets().put(TOKEN, token);
        if (kitPin == null) {
            settings.remove(KIT_PIN);
        } else {
            settings.put(KIT_PIN, kitPin);
        }
    }

    /** A client for the master with this laptop's token, trusting only the remembered kit authority. */
    public MasterClient client() {
        return new MasterClient(masterUrl, token, kitPin);
    }

    /**
     * Pairs with the master at {@code masterUrl} using the code shown on its screen. A laptop join
     * code (with the kit authority's pin) makes the laptop talk HTTPS to that kit alone; a plain
     * join code still uses HTTPS when the master offers it, trusting the authority it names then.
     */
    public static PeerLink pair(String masterUrl, String typedCode, String name) throws IOException {
        LaptopJoinCode code = LaptopJoinCode.parse(typedCode);
        String pin = code.pin().orElse(null);
        String base = masterUrl;
        if (!base.regionMatches(true, 0, "https:", 0, 6)) {
            Secure secure = new MasterClient(base, null).info().secure();
            if (secure != null) {
                if (pin == null) pin = secure.pin();
                base = secureBase(base, secure.port());
            } else if (pin != null) {
                throw new UntrustedMasterException("the master at " + masterUrl + " offers no secure connection, but the "
                        + "laptop join code expects one: check the address shown on the master's screen");
            }
        } else if (pin == null) {
            throw new UntrustedMasterException("an https address needs the laptop join code shown on the master's screen "
                    + "(the laptop code followed by four more groups)");
        }
        MasterClient client = new MasterClient(base, null, pin);
        String masterId = client.info().deviceId();
        // the whole code: the master checks the laptop code and the pin before it trusts a laptop
        var paired = client.pair(typedCode.strip(), name, "client");
        return new PeerLink(client.base().toString(), masterId, paired.deviceId(), paired.token(), pin);
    }

    /**
     * A link made over plain HTTP before its master offered HTTPS moves to HTTPS once the master
     * says where, trusting the kit authority it names; empty while it stays as it is.
     */
    public Optional<PeerLink> movedToHttps() {
        if (kitPin != null || masterUrl.regionMatches(true, 0, "https:", 0, 6)) return Optional.empty();
        try {
            Secure secure = new MasterClient(masterUrl, null).info().secure();
            if (secure == null) return Optional.empty();
            return Optional.of(new PeerLink(secureBase(masterUrl, secure.port()), masterId, deviceId, token, secure.pin()));
        } catch (IOException | MasterError unreachable) {
            return Optional.empty(); // asked again at the next start
        }
    }

    /**
     * The team's master answers at {@code url} now (it moved, or another laptop took over): the
     * same team, signed by the kit authority this laptop trusts, at an epoch not below
     * {@code known}'s, keeps this laptop's device id and token. Empty when another team answers
     * there; {@link UntrustedMasterException} when another kit authority does,
     * {@link FormerMasterException} when the team's former master does.
     */
    public Optional<PeerLink> movedTo(String url, TeamIdentity known) throws IOException {
        if (kitPin == null) return Optional.empty(); // without the kit's pin nothing proves it is the same team
        String base = url;
        if (!base.regionMatches(true, 0, "https:", 0, 6)) {
            Secure secure = new MasterClient(base, null).info().secure();
            if (secure == null) return Optional.empty();
            base = secureBase(base, secure.port());
        }
        MasterClient pinned = new MasterClient(base, null, kitPin);
        Info info = pinned.info();
        if (!known.teamId().equals(info.teamId()) || info.epoch() == null) return Optional.empty();
        if (info.epoch() < known.epoch()) throw new FormerMasterException(url);
        return Optional.of(new PeerLink(pinned.base().toString(), info.deviceId(), deviceId, token, kitPin));
    }

    private static String secureBase(String plainUrl, int port) {
        URI plain = URI.create(plainUrl);
        return "https://" + plain.getRawAuthority().replaceFirst(":\\d+$", "") + ":" + port;
    }

    @Override
    public String toString() {
        return "PeerLink[" + masterUrl + ", device " + deviceId + "]";
    }
}
