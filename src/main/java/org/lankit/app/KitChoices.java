package org.lankit.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lankit.backup.BackupSettings;
import org.lankit.hub.PairingService;
import org.lankit.hub.TeamEdits;
import org.lankit.store.Settings;
import org.lankit.upstream.ApiSettings;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/**
 * The remembered choices the control panel shows and changes, under the same setting names the
 * command line and the headless start use. Each change is stored at once; the team name and port
 * take effect at the next start.
 */
public final class KitChoices {

    /** Address phones are shown in the QR code when the laptop has several; absent = automatic. */
    static final String LAN_HOST = "lanHost";
    /** The uploader's own keys: what is typed here is what the uploader sends with. */
    static final String API_URL = ApiSettings.URL;
    static final String API_TOKEN = ApiSettings.TOKEN;

    private final Settings settings;

    public KitChoices(Settings settings) {
        this.settings = settings;
    }

    public Optional<Role> role() {
        return settings.get(SettingKeys.ROLE).map(Role::valueOf);
    }

    public void role(Role role) {
        settings.put(SettingKeys.ROLE, role.name());
    }

    public Optional<String> teamName() {
        return settings.get(SettingKeys.TEAM_NAME);
    }

    public void teamName(String name) {
        settings.put(SettingKeys.TEAM_NAME, name);
    }

    public int port() {
        return settings.get(SettingKeys.PORT).map(Integer::parseInt).orElse(KitOptions.DEFAULT_PORT);
    }

    public void port(int port) {
        settings.put(SettingKeys.PORT, Integer.toString(port));
    }

    public Optional<String> lanHost() {
        return settings.get(LAN_HOST);
    }

    /** {@code null} goes back to choosing automatically. */
    public void lanHost(String host) {
        if (host == null) {
            settings.remove(LAN_HOST);
        } else {
            settings.put(LAN_HOST, host);
        }
    }

    /** The team servers as remembered, {@code main} first (until Uploads: one JSON API). */
    public List<TargetSettings> targets() {
        return ApiTarget.of(settings.get(API_URL).orElse(null), settings.get(API_TOKEN).orElse(null))
                .map(t -> new TargetSettings(TargetSettings.MAIN, TargetKind.JSON, t, Map.of())).stream().toList();
    }

    /** Remembers the team servers without a running uploader (it reads them when it starts); empty removes them. */
    public void targets(List<TargetSettings> targets) {
        if (targets.size() > 1 || targets.stream().anyMatch(t -> t.kind() != TargetKind.JSON)) {
            throw new IllegalArgumentException("this Lankit can send to one JSON API only");
        }
        putOrRemove(API_URL, targets.isEmpty() ? null : targets.get(0).server().url().toString());
        putOrRemove(API_TOKEN, targets.isEmpty() ? null : targets.get(0).server().token());
    }

    private void putOrRemove(String key, String value) {
        if (value == null || value.isBlank()) {
            settings.remove(key);
        } else {
            settings.put(key, value.strip());
        }
    }

    public boolean approveNewDevices() {
        return PairingService.approvalSetting(settings).getAsBoolean();
    }

    public void approveNewDevices(boolean on) {
        settings.put(PairingService.APPROVE_NEW_DEVICES, Boolean.toString(on));
    }

    public boolean phonesEditTeamEntries() {
        return new TeamEdits(settings).phonesAllowed();
    }

    public void phonesEditTeamEntries(boolean on) {
        new TeamEdits(settings).allowPhones(on);
    }

    /** Days after which settled, unchanged entries are removed (master, phones, laptops); empty: keep all. */
    public Optional<Integer> retentionDays() {
        return Optional.ofNullable(BackupSettings.retentionDays(settings));
    }

    /** {@code null} turns retention off; connected phones and laptops hear of the change at once. */
    public void retentionDays(Integer days) {
        if (days != null && days < 1) throw new IllegalArgumentException("retention needs at least one day");
        if (days == null) {
            settings.remove(BackupSettings.RETENTION_DAYS);
        } else {
            settings.put(BackupSettings.RETENTION_DAYS, Integer.toString(days));
        }
    }
}
