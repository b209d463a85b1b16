package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hint under the QR code names the operating system's own firewall question, and only that one. */
class JoinHelpTest {

    @Test
    void a_windows_coordinator_is_told_to_allow_the_firewall_question() {
        assertThat(String.join(" ", Words.joinHelp("Windows 10")))
                .contains("same WiFi").contains("Windows asked about the firewall").doesNotContain("macOS");
    }

    @Test
    void a_mac_coordinator_is_told_to_accept_incoming_connections() {
        assertThat(String.join(" ", Words.joinHelp("Mac OS X"))).contains("same WiFi").contains("macOS asked").doesNotContain("Windows");
    }

    @Test
    void on_linux_only_the_wifi_advice_is_given() {
        assertThat(String.join(" ", Words.joinHelp("Linux"))).contains("same WiFi").doesNotContain("firewall").doesNotContain("macOS");
    }
}
