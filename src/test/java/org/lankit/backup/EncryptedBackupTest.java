package org.lankit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lankit.testkit.FieldTeam.MASTER;
import static org.lankit.testkit.FieldTeam.PHONE_A;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.secure.Argon2Kdf;
import org.lankit.secure.Argon2Kdf.Argon2Params;
import org.lankit.secure.DataKey;
import org.lankit.secure.Sealing;
import org.lankit.store.Attachments;
import org.lankit.store.KitStore;
import org.lankit.testkit.FieldTeam;
import org.lankit.upstream.ApiSettings;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/** The encrypted file itself: what it hides, and every way a changed or cut file is refused before anything is written. */
class EncryptedBackupTest {

    private static final String ANSWER = "Zawadi Known-Answer 7731";
    private static final String TOKEN = "tok-SECRET-4242-river";
    private static final String PHOTO = "0123456789abcdef0123456789abcdef.jpg";

    @TempDir
    Path temp;

    private Path backup;
    private byte[] photo;

    @BeforeEach
    void a_backup_of_a_team_with_an_answer_a_photo_and_an_api_token() throws IOException {
        backup = temp.resolve("team.lankit");
        // a photo is stored in the zip as it is: in a plain zip its bytes would show, so it proves the encryption
        photo = new byte[200_000];
        new java.util.Random(7).nextBytes(photo);
        try (KitStore source = TestRecovery.open(temp.resolve("master"))) {
            FieldTeam team = new FieldTeam(source);
            List<String> households = team.createHouseholds(300, PHONE_A);
            team.edit(households.get(5), PHONE_A, "respondent", TextNode.valueOf(ANSWER));
            for (int at = 0; at < photo.length; at += Attachments.MAX_CHUNK_BYTES) {
                int to = Math.min(photo.length, at + Attachments.MAX_CHUNK_BYTES);
                source.attachments().append(PHOTO, PHONE_A, at, photo.length, new ByteArrayInputStream(photo, at, to - at));
            }
            ApiSettings.save(source, List.of(new TargetSettings(TargetSettings.MAIN, TargetKind.JSON,
                    ApiTarget.of("http://127.0.0.1:9/api", TOKEN).orElseThrow(), Map.of())));
            new BackupExporter(source, new BackupOrigin("River team", MASTER, "test")).export(backup);
        }
    }

    @Test
    void the_file_shows_neither_an_answer_nor_the_api_token_nor_a_photo_but_holds_all_three() throws IOException {
        byte[] file = Files.readAllBytes(backup);
        assertThat(indexOf(file, ANSWER.getBytes(StandardCharsets.UTF_8))).isNegative();
        assertThat(indexOf(file, TOKEN.getBytes(StandardCharsets.UTF_8))).isNegative();
        assertThat(indexOf(file, Arrays.copyOfRange(photo, 1000, 1064))).as("64 bytes of the photo").isNegative();
        assertThat(Arrays.copyOf(file, 8)).isEqualTo("LANKITBK".getBytes(StandardCharsets.US_ASCII));

        Path plain = TestRecovery.plain(backup);
        assertThat(indexOf(Files.readAllBytes(plain), Arrays.copyOfRange(photo, 1000, 1064))).as("the control: a plain zip shows it")
                .isNotNegative();
        try (ZipFile zip = new ZipFile(plain.toFile())) {
            assertThat(new String(zip.getInputStream(zip.getEntry("upstream.json")).readAllBytes(), StandardCharsets.UTF_8)).contains(TOKEN);
            assertThat(new String(zip.getInputStream(zip.getEntry("entries.jsonl")).readAllBytes(), StandardCharsets.UTF_8)).contains(ANSWER);
        }
    }

    @Test
    void without_a_key_or_with_a_wrong_one_it_is_refused_in_one_line_and_nothing_is_written() {
        try (KitStore fresh = KitStore.open(temp.resolve("new-laptop"))) {
            BackupImporter importer = new BackupImporter(fresh, MASTER);
            assertThatThrownBy(() -> importer.importFrom(backup)).isInstanceOf(BackupLockedException.class)
                    .hasMessage("team.lankit is encrypted: give the team's recovery key to restore it; nothing was restored");
            assertThatThrownBy(() -> importer.importFrom(backup, BackupUnlock.recoveryKey(RecoveryKey.random().text())))
                    .isInstanceOf(BackupLockedException.class)
                    .hasMessage("this is not the recovery key of team.lankit; nothing was restored");
            assertNothingIn(fresh);
        }
    }

    @Test
    void the_right_key_however_typed_opens_it() {
        String typed = TestRecovery.KEY.toLowerCase().replace("-", " ").replace('1', 'l');
        try (KitStore fresh = KitStore.open(temp.resolve("new-laptop"))) {
            ImportReport report = new BackupImporter(fresh, MASTER).importFrom(backup, BackupUnlock.recoveryKey(typed));
            assertThat(report.created()).isEqualTo(300);
            assertThat(report.photosAdded()).isEqualTo(1);
        }
    }

    @Test
    void a_file_cut_anywhere_is_refused_and_nothing_is_written() throws IOException {
        byte[] whole = Files.readAllBytes(backup);
        int header = headerLength(whole);
        int chunk = ChunkCipher.SEALED_CHUNK;
        for (int length : new int[] {header + chunk, header + 2 * chunk, whole.length - 1, whole.length - ChunkCipher.TAG, header + 10, 20}) {
            Path cut = write("cut-" + length + ".lankit", Arrays.copyOf(whole, length));
            assertRefused(cut, "damaged");
        }
    }

    @Test
    void a_changed_byte_swapped_chunks_or_a_changed_header_are_refused() throws IOException {
        byte[] whole = Files.readAllBytes(backup);
        int header = headerLength(whole);
        int chunk = ChunkCipher.SEALED_CHUNK;

        byte[] flipped = whole.clone();
        flipped[header + chunk + 100] ^= 1;
        assertRefused(write("flipped.lankit", flipped), "team.lankit".replace("team", "flipped") + " is damaged: part 2 does not open");

        byte[] swapped = whole.clone();
        System.arraycopy(whole, header, swapped, header + chunk, chunk);
        System.arraycopy(whole, header + chunk, swapped, header, chunk);
        assertRefused(write("swapped.lankit", swapped), "is damaged");

        byte[] newHeader = whole.clone();
        int braceAt = indexOf(newHeader, "\"chunkBytes\":65536".getBytes(StandardCharsets.US_ASCII));
        newHeader[braceAt + 1] = 'C'; // an unknown property: the header no longer reads
        assertRefused(write("header.lankit", newHeader), "header.lankit is damaged: its header is unreadable");

        byte[] otherMagic = whole.clone();
        otherMagic[0] = 'X';
        assertRefused(write("magic.lankit", otherMagic), "magic.lankit is damaged or incomplete");
    }

    @Test
    void a_passphrase_wrap_opens_the_content_key_through_the_data_key_and_a_wrong_passphrase_does_not() throws IOException {
        DataKey dataKey = DataKey.random();
        byte[] salt = new byte[16];
        Argon2Params quick = new Argon2Params(1024, 1, 1);
        char[] passphrase = "river valley long walk".toCharArray();
        byte[] sealedDataKey = Sealing.seal(Argon2Kdf.derive(passphrase, salt, quick), dataKey.bytes(),
                "keys.json passphrase".getBytes(StandardCharsets.UTF_8));
        BackupKeys keys = new BackupKeys(RecoveryKey.random().derive(), dataKey,
                Optional.of(new BackupKeys.PassphraseLock(quick, salt, "keys.json passphrase", sealedDataKey)));
        Path file = temp.resolve("passphrase.lankit");
        byte[] content = new byte[3 * ChunkCipher.CHUNK + 17];
        new java.util.Random(3).nextBytes(content);
        try (var out = Files.newOutputStream(file)) {
            SealedOutputStream sealed = BackupEnvelope.begin(out, keys);
            sealed.write(content);
            sealed.finish();
        }
        assertThat(read(file, BackupUnlock.passphrase(passphrase))).isEqualTo(content);
        assertThatThrownBy(() -> read(file, BackupUnlock.passphrase("wrong".toCharArray()))).isInstanceOf(BackupLockedException.class)
                .hasMessage("this is not the recovery key or passphrase of passphrase.lankit; nothing was restored");
    }

    private static byte[] read(Path file, BackupUnlock unlock) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            BackupEnvelope.Opened opened = BackupEnvelope.open(channel, file.getFileName().toString(), unlock);
            try (InputStream in = Channels.newInputStream(new SealedChannel(channel, opened, file.getFileName().toString()))) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                in.transferTo(all);
                return all.toByteArray();
            }
        }
    }

    private void assertRefused(Path file, String message) {
        try (KitStore fresh = KitStore.open(temp.resolve("target-" + file.getFileName()))) {
            assertThatThrownBy(() -> new BackupImporter(fresh, MASTER).importFrom(file, TestRecovery.unlock()))
                    .as(file.getFileName().toString()).isInstanceOf(BackupRejectedException.class).hasMessageContaining(message);
            assertNothingIn(fresh);
        }
    }

    private static void assertNothingIn(KitStore store) {
        assertThat(store.entryCount()).isZero();
        assertThat(store.auditCount()).isZero();
        assertThat(store.attachments().names()).isEmpty();
        assertThat(ApiSettings.load(store)).isEmpty();
        assertThat(RecoveryKeys.kept(store)).isEmpty();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(temp.resolve(name), bytes);
    }

    private static int headerLength(byte[] file) {
        return 8 + 1 + 4 + java.nio.ByteBuffer.wrap(file, 9, 4).getInt();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
