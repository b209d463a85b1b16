package org.lankit.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.lankit.backup.BackupSettings;
import org.lankit.backup.RecoveryKeys;
import org.lankit.pairing.JoinCodes;
import org.lankit.pairing.Tokens;
import org.lankit.secure.KitAuthority;
import org.lankit.store.Device;
import org.lankit.store.KitStore;
import org.lankit.store.TeamIdentity;
import org.lankit.sync.Json;
import org.lankit.sync.Succession;
import org.lankit.upstream.ApiSettings;
import org.lankit.upstream.TargetSettings;

/**
 * Makes the master's succession bundle ({@link Succession}) from what it holds now, with a version
 * (a hash of the bundle) so a laptop fetches it again only when something in it changed.
 */
public final class SuccessionSource {

    /** The master's own token as a device of its successor, made once. */
    static final String SELF_TOKEN = "takeover.selfToken";
    /** The team's settings a successor keeps as they are. */
    private static final List<String> CHOICES = List.of(PairingService.APPROVE_NEW_DEVICES, TeamEdits.SETTING,
            BackupSettings.RETENTION_DAYS, BackupSettings.AUTOMATIC, BackupSettings.EVERY_HOURS, BackupSettings.KEEP);

    /** The bundle as sent, and its version. */
    public record Made(String version, byte[] json) {
    }

    private final KitStore store;
    private final MasterIdentity master;
    private final Supplier<JoinCodes> codes;

    public SuccessionSource(KitStore store, MasterIdentity master, Supplier<JoinCodes> codes) {
        this.store = store;
        this.master = master;
        this.codes = codes;
    }

    /**
     * This master's token at its successor: the same on every call, kept sealed. Made under one
     * lock for every source: two laptops asking at once must not get bundles with different tokens.
     */
    public String selfToken() {
        synchronized (SuccessionSource.class) {
            return store.secrets().get(SELF_TOKEN).orElseGet(() -> {
                String token = Tokens.newToken();
                store.secrets().put(SELF_TOKEN, token);
                return token;
            });
        }
    }

    public Made make() {
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(bundle());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Made(version(json), json);
    }

    Succession bundle() {
        TeamIdentity team = store.team();
        JoinCodes now = codes.get();
        String token = selfToken();
        Succession.Authority authority = KitAuthority.kept(store.dataDir(), store.dataKey())
                .map(k -> new Succession.Authority(k.certificate(), k.key())).orElse(null);
        List<Succession.PairedDevice> devices = new ArrayList<>();
        for (Device d : store.devices().all()) {
            store.devices().tokenHash(d.deviceId()).ifPresent(hash -> devices.add(new Succession.PairedDevice(
                    d.deviceId(), d.name(), d.kind(), d.approved(), d.revoked(), d.pairedAt(), hash)));
        }
        devices.add(new Succession.PairedDevice(master.deviceId(), master.name() + " (former master)", Succession.FORMER_MASTER,
                true, false, 0, Tokens.hash(token)));
        List<Succession.Target> targets = ApiSettings.load(store).stream().map(SuccessionSource::target).toList();
        List<Succession.Receipt> receipts = new ArrayList<>();
        store.deliveries().forEach(d -> receipts.add(new Succession.Receipt(d.target(), d.uuid(), d.deliveredSeq(), d.ref(),
                d.failedSeq(), d.error())));
        // the same bundle must give the same bytes, whatever order the store read them in
        receipts.sort((a, b) -> (a.target() + " " + a.uuid()).compareTo(b.target() + " " + b.uuid()));
        devices.sort((a, b) -> a.deviceId().compareTo(b.deviceId()));
        Map<String, String> choices = new LinkedHashMap<>();
        for (String name : CHOICES) store.settings().get(name).ifPresent(v -> choices.put(name, v));
        return new Succession(team.teamId(), team.epoch(), master.name(), master.deviceId(), token, now.phone(), now.laptop(),
                authority, devices, targets, receipts, new java.util.TreeMap<>(choices),
                RecoveryKeys.kept(store).map(k -> Base64.getEncoder().encodeToString(k.getEncoded())).orElse(null));
    }

    private static Succession.Target target(TargetSettings t) {
        return new Succession.Target(t.id(), t.kind().wireName(), t.server().url().toString(), t.server().user(),
                t.server().token(), t.server().password(), new java.util.TreeMap<>(t.forms()));
    }

    private static String version(byte[] json) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
