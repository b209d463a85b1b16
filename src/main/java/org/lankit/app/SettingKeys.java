package org.lankit.app;

/** Names of what the app remembers in the store: settings, except the two join codes, which are secrets. */
final class SettingKeys {
    static final String DEVICE_ID = "deviceId";
    static final String ROLE = "role";
    static final String PORT = "port";
    static final String HTTPS_PORT = "httpsPort";
    static final String JOIN_CODE = "joinCode";
    /** The head of the laptop join code: a second code, shown only on the master. */
    static final String LAPTOP_CODE = "laptopCode";
    static final String TEAM_NAME = "teamName";

    private SettingKeys() {
    }
}
