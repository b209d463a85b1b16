package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lankit.app.JoinAddress.Reach;

/** The one place that picks the address phones are shown, and says when they cannot reach it. */
class JoinAddressTest {

    @Test
    void a_master_given_an_address_shows_that_one_whatever_was_chosen() {
        JoinAddress bound = JoinAddress.choose("192.168.1.20", 8377, Optional.of("10.0.0.5"), List.of("10.0.0.5", "192.168.1.20"));
        assertThat(bound).isEqualTo(new JoinAddress("192.168.1.20", 8377, Reach.NETWORK));
        assertThat(bound.joinUrl("CODE")).isEqualTo("http://192.168.1.20:8377/join#CODE");
        assertThat(bound.setupUrl("CODE")).isEqualTo("http://192.168.1.20:8377/setup#CODE");
    }

    @Test
    void listening_everywhere_it_shows_the_chosen_address_while_the_laptop_has_it_else_the_best() {
        List<String> now = List.of("192.168.1.20", "10.0.0.5");
        assertThat(JoinAddress.choose("0.0.0.0", 8377, Optional.of("10.0.0.5"), now).host()).isEqualTo("10.0.0.5");
        assertThat(JoinAddress.choose("0.0.0.0", 8377, Optional.of("10.99.99.99"), now).host()).isEqualTo("192.168.1.20");
        assertThat(JoinAddress.choose("0.0.0.0", 8377, Optional.empty(), now).phonesCanReach()).isTrue();
    }

    @Test
    void loopback_is_named_as_unreachable_by_phones_with_the_reason() {
        assertThat(JoinAddress.choose("127.0.0.1", 8377, Optional.empty(), List.of("192.168.1.20")).reach())
                .isEqualTo(Reach.LOOPBACK_ONLY);
        JoinAddress offline = JoinAddress.choose("0.0.0.0", 8377, Optional.empty(), List.of());
        assertThat(offline).isEqualTo(new JoinAddress("127.0.0.1", 8377, Reach.NO_NETWORK));
        assertThat(offline.phonesCanReach()).isFalse();
    }
}
