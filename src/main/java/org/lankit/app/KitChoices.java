package org.lankit.app;

import java.util.List;
import java.util.Optional;
import org.lankit.backup.BackupSettings;
import org.lankit.hub.PairingService;
import org.lankit.hub.TeamEdits;
import org.lankit.store.KitStore;
import org.lankit.store.Settings;
import org.lankit.upstream.ApiSettings;
import org.lankit.upstream.TargetSettings;

/**
 * The remembered choices the control panel shows and changes, under the same setting names the
 * command line and the headless start use. Each change is stored at once; the team name and port
 * take effect at the next start.
 */
public final class KitChoices {

    /** Address phones are shown in the QR code when the laptop has several; absent = automatic. */
    static final String LAN_HOST = "lanHost";

    private final KitStore store;
    private final Settings settings;

    public KitChoices(KitStore store) {
        this.store = store;
        this.settings = store.settings();
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

    /** The team servers as remembered (the uploads' own settings), {@code main} first. */
    public List<TargetSettings> targets() {
        return ApiSettings.load(store);
    }

    /** Remembers the team servers without running uploads (they read them when they start); empty removes them. */
    public void targets(List<TargetSettings> targets) {
        ApiSettings.save(store, targets);
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
