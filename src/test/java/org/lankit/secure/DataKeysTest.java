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
}
