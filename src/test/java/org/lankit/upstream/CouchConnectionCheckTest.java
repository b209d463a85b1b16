package org.lankit.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lankit.testkit.CouchServer;
import org.lankit.upstream.ConnectionCheck.Outcome;

/** "Test connection" for a CouchDB target, against a real CouchDB-protocol server (express-pouchdb from npm) on 127.0.0.1. */
class CouchConnectionCheckTest {

    private static final String PASSWORD = "correct-horse-battery-staple";
    private static CouchServer couch;

    @BeforeAll
    static void startCouch() throws IOException {
        couch = CouchServer.withLogin("surveyor", PASSWORD);
        couch.database("survey").create();
    }

    @AfterAll
    static void stopCouch() {
        if (couch != null) couch.stop();
    }

    @Test
    void an_existing_database_and_the_right_login_are_reached() {
        ConnectionCheck check = check(couch.url() + "/survey", "surveyor", PASSWORD);

        assertThat(check.outcome()).isEqualTo(Outcome.REACHED);
        assertThat(check.message()).isEqualTo("Reached the CouchDB database \"survey\" at 127.0.0.1:" + couch.port()
                + " (0 documents) and it accepted the user name and password.");
    }

    @Test
    void a_missing_database_is_named_and_not_created() throws IOException {
        ConnectionCheck check = check(couch.url() + "/survay", "surveyor", PASSWORD);

        assertThat(check.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(check.httpStatus()).isEqualTo(404);
        assertThat(check.message()).startsWith("The database \"survay\" does not exist at 127.0.0.1:" + couch.port() + ".");
        assertThat(couch.database("survay").exists()).as("still missing").isFalse();
    }

    @Test
    void an_address_without_a_database_asks_for_the_database_s_name() {
        ConnectionCheck check = check(couch.url() + "/", "surveyor", PASSWORD);

        assertThat(check.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(check.message()).contains("not a database").contains("http://127.0.0.1:" + couch.port() + "/survey");
    }

    @Test
    void a_wrong_password_is_told_and_never_shown() {
        String wrong = "wrong-horse-battery-staple";
        ConnectionCheck check = check(couch.url() + "/survey", "surveyor", wrong);

        assertThat(check.outcome()).isEqualTo(Outcome.WRONG_TOKEN);
        assertThat(check.message()).contains("refused the user name and password (HTTP 401)").doesNotContain(wrong);
    }

    @Test
    void a_login_that_is_no_member_of_the_database_is_told_so() {
        ConnectionCheck check = check(couch.url() + "/survey", CouchServer.OUTSIDER, CouchServer.OUTSIDER_PASSWORD);

        assertThat(check.outcome()).isEqualTo(Outcome.WRONG_TOKEN);
        assertThat(check.httpStatus()).isEqualTo(403);
        assertThat(check.message()).contains("does not let this login use the database \"survey\"")
                .doesNotContain(CouchServer.OUTSIDER_PASSWORD);
    }

    @Test
    void no_login_where_one_is_needed_asks_for_one() {
        ConnectionCheck check = check(couch.url() + "/survey", "", "");

        assertThat(check.outcome()).isEqualTo(Outcome.WRONG_TOKEN);
        assertThat(check.message()).contains("wants a login");
    }

    @Test
    void nothing_listening_is_no_internet() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        ConnectionCheck check = check("http://127.0.0.1:" + closedPort + "/survey", "surveyor", PASSWORD);

        assertThat(check.outcome()).isEqualTo(Outcome.NO_INTERNET);
        assertThat(check.message()).startsWith("Could not reach 127.0.0.1:" + closedPort);
    }

    private static ConnectionCheck check(String url, String user, String password) {
        TargetSettings settings = new TargetSettings("main", TargetKind.COUCHDB, new ApiTarget(URI.create(url), "", user, password), Map.of());
        return new CouchTarget(settings, Duration.ofSeconds(5), AttachmentFiles.NONE).check(List.of("household_visit"));
    }
}
