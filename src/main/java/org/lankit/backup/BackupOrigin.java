package org.lankit.backup;

/** Who makes a backup: the team's name, the master's device id (null if none yet), the app version. */
public record BackupOrigin(String team, String masterDeviceId, String appVersion) {
}
