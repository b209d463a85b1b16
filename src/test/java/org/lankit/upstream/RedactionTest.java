package org.lankit.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the redaction helper hides, and what it leaves readable. */
class RedactionTest {

    @Test
    void credentials_in_an_address_are_hidden_and_the_rest_of_it_stays_readable() {
        String shown = Redaction.text("posting to https://ana:pa55word@api.example.org/v1/entries?team=river&api_key=K3Y-0123456789&x=1");
        assertThat(shown).isEqualTo("posting to https://•••@api.example.org/v1/entries?team=river&api_key=•••6789&x=1");
    }

    @Test
    void bearer_tokens_json_secrets_and_known_secrets_are_hidden_wherever_they_appear() {
        String token = "tok-abcdefghijkl-4321";
        String shown = Redaction.text("Bearer " + token + " is wrong; {\"password\":\"hunter2\"}; you sent " + token, List.of(token));
        assertThat(shown).isEqualTo("Bearer •••4321 is wrong; {\"password\":\"•••\"}; you sent •••4321");
    }

    @Test
    void an_address_names_its_secrets_and_a_short_secret_shows_nothing_of_itself() {
        assertThat(Redaction.secretsIn(URI.create("https://u:p@h.example/x?token=abc&page=2"))).contains("u:p", "abc")
                .doesNotContain("2");
        assertThat(Redaction.masked("short")).isEqualTo("•••");
        assertThat(Redaction.text("Idempotency-Key: lankit-0a1b and batch 4 of 9")).isEqualTo("Idempotency-Key: lankit-0a1b and batch 4 of 9");
    }

    @Test
    void an_odk_central_app_user_token_in_the_path_is_hidden() {
        String token = "Ab3$kLmN0pQrStUvWxYz!1234567890abcdefGHIJ";
        URI central = URI.create("https://central.example.org/v1/key/" + token + "/projects/7");
        assertThat(Redaction.secretsIn(central)).contains(token);
        assertThat(Redaction.text("posting to " + central)).isEqualTo("posting to https://central.example.org/v1/key/•••GHIJ/projects/7");
        assertThat(new ApiTarget(central, "").toString()).doesNotContain(token).contains("/v1/key/•••GHIJ/projects/7");
    }
}
