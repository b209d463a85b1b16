package org.lankit.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.testkit.CapturedLog;

/**
 * This computer's vault: the credential store first, the user's key file when the store is
 * missing, refuses or does not answer. The store here is a stand-in (tests never touch the real
 * one); the last test only asks whether this machine has one.
 */
class ComputerVaultTest {

    private static final byte[] KEY = DataKey.random().bytes();

    @TempDir
    Path keyHome;

    /** The vault warns when the store lets it down; kept here and checked, not printed. */
    private final CapturedLog log = CapturedLog.of("org.lankit.secure.ComputerVault");

    @AfterEach
    void putTheLogBack() {
        log.close();
    }

    @Test
    void a_new_key_goes_to_the_credential_store_and_not_into_the_key_file() {
        StandInStore store = new StandInStore();
        UserKeyFile file = new UserKeyFile(keyHome);
        ComputerVault vault = new ComputerVault(Optional.of(store), file);

        vault.write("lankit-a", KEY);

        assertThat(store.kept).containsKey("lankit-a");
        assertThat(file.read("lankit-a")).isEmpty();
        assertThat(vault.read("lankit-a")).hasValue(KEY);
        assertThat(vault.describe()).isEqualTo("the stand-in store");
    }

    @Test
    void a_store_that_does_not_answer_leaves_the_key_to_the_file_and_the_file_is_read_when_the_store_lacks_it() {
        StandInStore store = new StandInStore();
        store.answers = false;
        UserKeyFile file = new UserKeyFile(keyHome);
        ComputerVault vault = new ComputerVault(Optional.of(store), file);

        vault.write("lankit-b", KEY);
        assertThat(file.read("lankit-b")).hasValue(KEY);
        assertThat(log.lines(Level.WARN)).as("the vault's log").singleElement().asString()
                .startsWith("WARN the stand-in store did not answer; keeping the data key in ");
        assertThat(vault.describe()).isEqualTo(file.describe());

        store.answers = true;
        ComputerVault later = new ComputerVault(Optional.of(store), file);
        assertThat(later.read("lankit-b")).as("kept in the file while the store was away").hasValue(KEY);
        assertThat(later.describe()).isEqualTo(file.describe());
    }

    @Test
    void a_key_in_neither_while_the_store_does_not_answer_is_not_called_missing_but_the_store_is_named() {
        StandInStore store = new StandInStore();
        store.answers = false;
        ComputerVault vault = new ComputerVault(Optional.of(store), new UserKeyFile(keyHome));

        assertThatThrownBy(() -> vault.read("lankit-e")).isInstanceOf(KeyVaultUnavailableException.class)
                .hasMessage("the stand-in store did not answer: unlock it (or log in again) and start Lankit again.");
    }

    @Test
    void a_store_that_takes_a_key_but_does_not_give_it_back_is_not_trusted_with_it() {
        StandInStore store = new StandInStore();
        store.forgets = true;
        UserKeyFile file = new UserKeyFile(keyHome);

        new ComputerVault(Optional.of(store), file).write("lankit-c", KEY);

        assertThat(file.read("lankit-c")).hasValue(KEY);
        assertThat(log.lines(Level.WARN)).as("the vault's log").singleElement().asString()
                .startsWith("WARN the stand-in store did not give the data key back; keeping it in ");
    }

    @Test
    void without_a_credential_store_the_key_file_holds_the_key() {
        UserKeyFile file = new UserKeyFile(keyHome);
        ComputerVault vault = new ComputerVault(Optional.empty(), file);
        assertThat(vault.describe()).isEqualTo(file.describe());
        vault.write("lankit-d", KEY);
        assertThat(vault.read("lankit-d")).hasValue(KEY);
    }

    @Test
    void on_a_machine_without_a_desktop_session_asking_for_the_credential_store_ends_quickly_with_none() {
        assumeTrue(System.getenv("DBUS_SESSION_BUS_ADDRESS") == null && !System.getProperty("os.name").startsWith("Windows")
                && !System.getProperty("os.name").startsWith("Mac"), "this machine may have a credential store; tests do not touch it");
        long started = System.nanoTime();
        assertThat(OsKeyring.open(Duration.ofSeconds(5), Duration.ofSeconds(5))).isEmpty();
        System.out.printf("asking for a credential store that is not there took %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    /** A credential store that keeps keys in memory, and can be told not to answer or to forget. */
    private static final class StandInStore implements KeyVault {
        final Map<String, byte[]> kept = new HashMap<>();
        boolean answers = true;
        boolean forgets;

        @Override
        public Optional<byte[]> read(String kitKeyId) {
            if (!answers) throw new KeyVaultUnavailableException("the stand-in store did not answer");
            return Optional.ofNullable(kept.get(kitKeyId));
        }

        @Override
        public void write(String kitKeyId, byte[] key) {
            if (!answers) throw new KeyVaultUnavailableException("the stand-in store did not answer");
            if (!forgets) kept.put(kitKeyId, key.clone());
        }

        @Override
        public String describe() {
            return "the stand-in store";
        }
    }
}
