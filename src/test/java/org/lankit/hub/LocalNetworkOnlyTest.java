package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hub answers only its own network; the coordinator's actions only the master's own machine. */
class LocalNetworkOnlyTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.20", "169.254.10.10", "::1", "fe80::1", "fd12:3456::1"})
    void local_addresses_are_served(String ip) {
        assertThat(Access.isLocal(ip)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "192.0.2.44", "172.32.0.1", "2001:db8::1", "100.64.0.1"})
    void addresses_outside_the_local_network_are_refused(String ip) {
        assertThat(Access.isLocal(ip)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.1.1", "::1", "[::1]"})
    void the_coordinator_actions_are_served_to_the_master_itself(String ip) {
        assertThat(Access.isSameMachine(ip)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.20", "10.0.0.7", "fe80::1", "8.8.8.8"})
    void the_coordinator_actions_are_refused_to_every_other_device(String ip) {
        assertThat(Access.isSameMachine(ip)).isFalse();
    }
}
