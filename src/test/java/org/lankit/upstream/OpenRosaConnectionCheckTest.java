package org.lankit.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.OpenRosaServer;
import org.lankit.upstream.ConnectionCheck.Outcome;

/** "Test connection" against an OpenRosa server: one form list request, told in plain words. */
class OpenRosaConnectionCheckTest {

    private static final String KOBO_TOKEN = "kobo-token-0123456789";

    @Test
    void a_server_with_every_form_is_reached_and_one_lacking_forms_names_each_missing_one() throws Exception {
        try (OpenRosaServer server = OpenRosaServer.start("/ana").publish("household_visit", "3").publish("clinic_2026", "")) {
            server.requireToken(KOBO_TOKEN);
            OpenRosaTarget target = target(server.url(), KOBO_TOKEN, Map.of("clinic_visit", "clinic_2026"));

            ConnectionCheck ok = target.check(List.of("household_visit", "clinic_visit"));
            assertThat(ok.outcome()).isEqualTo(Outcome.REACHED);
            assertThat(ok.message()).contains("accepted the credentials", "every form");

            ConnectionCheck missing = target.check(List.of("household_visit", "school_visit", "clinic_visit", "market_survey"));
            assertThat(missing.outcome()).isEqualTo(Outcome.MISSING_FORMS);
            assertThat(missing.isOk()).isFalse();
            assertThat(missing.message()).contains("lacks these forms: school_visit, market_survey.")
                    .doesNotContain("household_visit").doesNotContain("clinic");

            server.publish("school_visit", "1");
            OpenRosaTarget mapped = target(server.url(), KOBO_TOKEN, Map.of("market_survey", "markets"));
            assertThat(mapped.check(List.of("school_visit", "market_survey")).message())
                    .contains("lacks this form: markets (for the kit's form market_survey).");
            assertThat(server.violations()).isEmpty();
        }
    }

    @Test
    void wrong_credentials_no_server_and_a_server_that_is_no_openrosa_server_are_told_apart() throws Exception {
        try (OpenRosaServer server = OpenRosaServer.start("/v1/key/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/projects/2");
             FakeTeamApi jsonApi = FakeTeamApi.start()) {
            server.requireBasic("ana@example.org", "right-password");

            ConnectionCheck wrong = target(server.url(), "", "ana@example.org", "wrong-password").check(List.of());
            assertThat(wrong.outcome()).isEqualTo(Outcome.WRONG_TOKEN);
            assertThat(wrong.httpStatus()).isEqualTo(401);
            assertThat(wrong.message()).contains("refused the user name or password").doesNotContain("wrong-password");

            ConnectionCheck nobody = target("http://127.0.0.1:" + FakeTeamApi.freePort() + "/ana", "", "", "").check(List.of("household_visit"));
            assertThat(nobody.outcome()).isEqualTo(Outcome.NO_INTERNET);
            assertThat(nobody.message()).contains("Could not reach");

            ConnectionCheck elsewhere = target(jsonApi.url(), "", "", "").check(List.of("household_visit"));
            assertThat(elsewhere.outcome()).isEqualTo(Outcome.NOT_FOUND);
            assertThat(elsewhere.message()).contains("did not send its form list", "HTTP 404");
        }
    }

    @Test
    void a_login_page_answered_with_200_is_no_openrosa_server() throws Exception {
        HttpServer page = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 5);
        page.createContext("/", ex -> {
            byte[] html = "<!DOCTYPE html><html><body>Please log in</body></html>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, html.length);
            ex.getResponseBody().write(html);
            ex.close();
        });
        page.start();
        try {
            ConnectionCheck check = target("http://127.0.0.1:" + page.getAddress().getPort() + "/ana", "", "", "").check(List.of("household_visit"));
            assertThat(check.outcome()).isEqualTo(Outcome.NOT_FOUND);
            assertThat(check.message()).contains("is not an OpenRosa server");
        } finally {
            page.stop(0);
        }
    }

    @Test
    void the_app_user_token_in_an_odk_central_address_never_shows_in_the_message() throws Exception {
        String token = "Zq9$Lm3!AbCdEfGhIjKlMnOpQrStUvWxYz012345";
        try (OpenRosaServer server = OpenRosaServer.start("/v1/key/" + token + "/projects/2").publish("household_visit", "1")) {
            OpenRosaTarget wrongProject = target(server.url().replace("/projects/2", "/projects/9"), "", "", "");
            ConnectionCheck check = wrongProject.check(List.of("household_visit"));
            assertThat(check.outcome()).isEqualTo(Outcome.NOT_FOUND);
            assertThat(check.message()).doesNotContain(token);
            assertThat(wrongProject.toString()).doesNotContain(token).contains("/v1/key/•••");
        }
    }

    private static OpenRosaTarget target(String url, String token, Map<String, String> forms) {
        return new OpenRosaTarget(new TargetSettings("main", TargetKind.OPENROSA, new ApiTarget(URI.create(url), token), forms),
                Duration.ofSeconds(5), AttachmentFiles.NONE, FormVersions.NONE);
    }

    private static OpenRosaTarget target(String url, String token, String user, String password) {
        return new OpenRosaTarget(new TargetSettings("main", TargetKind.OPENROSA, new ApiTarget(URI.create(url), token, user, password),
                Map.of()), Duration.ofSeconds(5), AttachmentFiles.NONE, FormVersions.NONE);
    }
}
