package org.lankit.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.secure.Argon2Kdf.Argon2Params;

class DataKeysTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path thisComputer;
    @TempDir
    Path otherComputer;

    @Test
    void a_new_folder_gets_a_key_kept_outside_it_and_the_same_key_opens_it_again() throws Exception {
        DataKey made = DataKeys.unlock(dataDir, new UserKeyFile(thisComputer));
        DataKey again = DataKeys.unlock(dataDir, new UserKeyFile(thisComputer));
        assertThat(again.bytes()).isEqualTo(made.bytes());
        try (var inFolder = Files.walk(dataDir)) {
            assertThat(inFolder.filter(Files::isRegularFile).map(p -> p.getFileName().toString())).containsExactly(DataKeys.FILE);
        }
        assertThat(Files.readString(dataDir.resolve(DataKeys.FILE))).doesNotContain(java.util.Base64.getEncoder().encodeToString(made.bytes()));
    }

    @Test
    void a_folder_copied_to_a_computer_without_its_key_is_refused_in_plain_words() {
        DataKeys.unlock(dataDir, new UserKeyFile(thisComputer));
        assertThatThrownBy(() -> DataKeys.unlock(dataDir, new UserKeyFile(otherComputer)))
                .isInstanceOf(DataKeyMissingException.class)
                .hasMessageContaining("its key is not on this computer")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void a_sealed_value_opens_only_with_its_key_and_in_its_place() {
        DataKey key = DataKey.random();
        byte[] sealed = key.seal("Amina, 3 children".getBytes(StandardCharsets.UTF_8), "entry-1");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Amina");
        assertThat(new String(key.open(sealed, "entry-1"), StandardCharsets.UTF_8)).isEqualTo("Amina, 3 children");
        assertThatThrownBy(() -> key.open(sealed, "entry-2")).isInstanceOf(SealedDataException.class);
        assertThatThrownBy(() -> DataKey.random().open(sealed, "entry-1")).isInstanceOf(SealedDataException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> key.open(sealed, "entry-1")).isInstanceOf(SealedDataException.class);
    }

    @Test
    void the_same_passphrase_and_salt_give_the_same_key_and_another_passphrase_another() {
        byte[] salt = "sixteen byte slt".getBytes(StandardCharsets.US_ASCII);
        Argon2Params quick = new Argon2Params(1024, 1, 1);
        byte[] once = Argon2Kdf.derive("river stone 42".toCharArray(), salt, quick).getEncoded();
        assertThat(Argon2Kdf.derive("river stone 42".toCharArray(), salt, quick).getEncoded()).isEqualTo(once).hasSize(32);
        assertThat(Argon2Kdf.derive("river stone 43".toCharArray(), salt, quick).getEncoded()).isNotEqualTo(once);
    }

    @Test
    void with_its_passphrase_a_copied_folder_opens_on_another_computer_which_then_keeps_the_key() {
        DataKey made = DataKeys.unlock(dataDir, new UserKeyFile(thisComputer));
        DataKeys.setPassphrase(dataDir, made, "river stone 42".toCharArray());
        UserKeyFile other = new UserKeyFile(otherComputer);
        assertThat(DataKeys.state(dataDir, other)).isEqualTo(FolderKeyState.NEEDS_PASSPHRASE);
        assertThatThrownBy(() -> DataKeys.unlock(dataDir, other))
                .isInstanceOf(DataKeyMissingException.class).hasMessageContaining("protected by a passphrase").hasMessageContaining("LANKIT_PASSPHRASE");

        DataKey opened = DataKeys.unlock(dataDir, other, "river stone 42".toCharArray());

        assertThat(opened.bytes()).isEqualTo(made.bytes());
        assertThat(DataKeys.state(dataDir, other)).as("the next start asks nothing").isEqualTo(FolderKeyState.IN_VAULT);
        assertThat(DataKeys.unlock(dataDir, other).bytes()).isEqualTo(made.bytes());
    }

    @Test
    void a_wrong_passphrase_is_refused_in_plain_words_and_changes_nothing() throws Exception {
        DataKey made = DataKeys.unlock(dataDir, new UserKeyFile(thisComputer));
        DataKeys.setPassphrase(dataDir, made, "river stone 42".toCharArray());
        byte[] keysBefore = Files.readAllBytes(dataDir.resolve(DataKeys.FILE));

        assertThatThrownBy(() -> DataKeys.unlock(dataDir, new UserKeyFile(otherComputer), "river stone 43".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessage("That passphrase does not open the data folder " + dataDir + ".");

        assertThat(Files.readAllBytes(dataDir.resolve(DataKeys.FILE))).isEqualTo(keysBefore);
        try (var kept = Files.list(otherComputer)) {
            assertThat(kept).as("no key on the other computer").isEmpty();
        }
    }

    @Test
    void a_changed_passphrase_replaces_the_old_one_and_a_removed_one_leaves_the_folder_to_this_computer() {
        DataKey made = DataKeys.unlock(dataDir, new UserKeyFile(thisComputer));
        DataKeys.setPassphrase(dataDir, made, "first passphrase".toCharArray());
        DataKeys.setPassphrase(dataDir, made, "second passphrase".toCharArray());
        assertThat(DataKeys.read(dataDir).orElseThrow().wraps()).hasSize(1);
        assertThatThrownBy(() -> DataKeys.unlock(dataDir, new UserKeyFile(otherComputer), "first passphrase".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class);

        DataKeys.removePassphrase(dataDir, made);

        assertThat(DataKeys.hasPassphrase(dataDir)).isFalse();
        assertThat(DataKeys.state(dataDir, new UserKeyFile(otherComputer))).isEqualTo(FolderKeyState.LOCKED);
        assertThatThrownBy(() -> DataKeys.unlock(dataDir, new UserKeyFile(otherComputer), "second passphrase".toCharArray()))
                .isInstanceOf(DataKeyMissingException.class).hasMessageContaining("its key is not on this computer");
        assertThat(DataKeys.unlock(dataDir, new UserKeyFile(thisComputer)).bytes()).isEqualTo(made.bytes());
    }

    @Test
    void a_short_passphrase_or_another_folders_key_is_refused_and_keys_json_stays_as_it_was() throws Exception {
        DataKey made = DataKeys.unlock(dataDir, new UserKeyFile(thisComputer));
        byte[] keysBefore = Files.readAllBytes(dataDir.resolve(DataKeys.FILE));
        assertThatThrownBy(() -> DataKeys.setPassphrase(dataDir, made, "short".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("A passphrase needs at least 8 characters.");
        assertThatThrownBy(() -> DataKeys.setPassphrase(dataDir, DataKey.random(), "long enough words".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readAllBytes(dataDir.resolve(DataKeys.FILE))).isEqualTo(keysBefore);
    }

    @Test
    void a_wrap_copied_from_another_folders_keys_json_does_not_open_this_one() throws Exception {
        Path otherFolder = Files.createDirectory(otherComputer.resolve("other-folder"));
        DataKey mine = DataKeys.unlock(dataDir, new UserKeyFile(thisComputer));
        DataKey theirs = DataKeys.unlock(otherFolder, new UserKeyFile(thisComputer));
        DataKeys.setPassphrase(otherFolder, theirs, "their passphrase".toCharArray());
        DataKeys.KeyFile own = DataKeys.read(dataDir).orElseThrow();
        DataKeys.write(dataDir, new DataKeys.KeyFile(own.version(), own.kitKeyId(), own.check(),
                DataKeys.read(otherFolder).orElseThrow().wraps()));

        assertThatThrownBy(() -> DataKeys.unlock(dataDir, new UserKeyFile(otherComputer.resolve("empty")), "their passphrase".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class);
        assertThat(DataKeys.unlock(dataDir, new UserKeyFile(thisComputer)).bytes()).isEqualTo(mine.bytes());
    }

    @Test
    void a_keys_json_of_the_first_version_without_wraps_still_opens() throws Exception {
        DataKey made = DataKeys.unlock(dataDir, new UserKeyFile(thisComputer));
        DataKeys.KeyFile keys = DataKeys.read(dataDir).orElseThrow();
        Files.writeString(dataDir.resolve(DataKeys.FILE),
                "{\"version\":1,\"kitKeyId\":\"" + keys.kitKeyId() + "\",\"check\":\"" + keys.check() + "\"}");

        assertThat(DataKeys.read(dataDir).orElseThrow().wraps()).isEmpty();
        assertThat(DataKeys.state(dataDir, new UserKeyFile(thisComputer))).isEqualTo(FolderKeyState.IN_VAULT);
        assertThat(DataKeys.unlock(dataDir, new UserKeyFile(thisComputer)).bytes()).isEqualTo(made.bytes());
        DataKeys.setPassphrase(dataDir, made, "river stone 42".toCharArray());
        assertThat(DataKeys.hasPassphrase(dataDir)).isTrue();
    }

    @Test
    void a_new_folder_is_new_until_its_key_is_made() {
        assertThat(DataKeys.state(dataDir, new UserKeyFile(thisComputer))).isEqualTo(FolderKeyState.NEW);
        assertThat(dataDir.toFile().list()).as("asking writes nothing").isEmpty();
    }
}
