package org.lankit.app;

/** Names of the settings the app remembers in the store (the join codes are secrets: {@link JoinCodeSecrets}). */
final class SettingKeys {
    static final String DEVICE_ID = "deviceId";
    static final String ROLE = "role";
    static final String PORT = "port";
    static final String HTTPS_PORT = "httpsPort";
    static final String TEAM_NAME = "teamName";

    private SettingKeys() {
    }
}
