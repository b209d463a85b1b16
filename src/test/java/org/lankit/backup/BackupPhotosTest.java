package org.lankit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lankit.testkit.FieldTeam.MASTER;
import static org.lankit.testkit.FieldTeam.PHONE_A;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.secure.KitAuthority;
import org.lankit.store.Attachments;
import org.lankit.store.KitStore;
import org.lankit.testkit.FieldTeam;

/**
 * Photos travel in backups as {@code attachments/<name>}, listed and signed like every other
 * member: they come back in a new folder, a photo the master holds already is kept, and a backup
 * whose photo was changed, misnamed or swollen is refused before anything is written.
 */
class BackupPhotosTest {

    private static final String HOUSE = "0123456789abcdef0123456789abcdef.jpg";
    private static final String MEMBER = "fedcba9876543210fedcba9876543210.png";

    @TempDir
    Path temp;

    @Test
    void photos_come_back_in_a_new_folder_and_a_photo_held_already_is_kept() throws IOException {
        byte[] house = bytes(300_000, 1);
        byte[] member = bytes(40_000, 2);
        Path backup = temp.resolve("team.zip");
        Path sourceDir = temp.resolve("master");
        KitAuthority.openOrCreate(sourceDir, "River team");
        try (KitStore source = TestRecovery.open(sourceDir)) {
            new FieldTeam(source).createHouseholds(3, PHONE_A);
            put(source, HOUSE, house);
            put(source, MEMBER, member);
            source.attachments().append("11111111111111111111111111111111.jpg", PHONE_A, 0, 100, new ByteArrayInputStream(new byte[10]));
            Manifest manifest = new BackupExporter(source, new BackupOrigin("River team", MASTER, "test")).export(backup);
            assertThat(manifest.members()).extracting(Manifest.Member::name)
                    .as("complete photos only").contains("attachments/" + HOUSE, "attachments/" + MEMBER)
                    .noneMatch(n -> n.contains("1111"));
            assertThat(manifest.members()).filteredOn(m -> m.name().equals("attachments/" + HOUSE)).singleElement()
                    .satisfies(m -> assertThat(m.sha256()).isEqualTo(BackupForgery.sha256(house)));
        }
        try (ZipFile zip = new ZipFile(TestRecovery.plain(backup).toFile())) {
            assertThat(zip.getInputStream(zip.getEntry("attachments/" + HOUSE)).readAllBytes()).isEqualTo(house);
        }

        try (KitStore fresh = TestRecovery.open(temp.resolve("new-laptop"))) {
            ImportReport report = new BackupImporter(fresh, MASTER).importFrom(backup);
            assertThat(report.photosAdded()).isEqualTo(2);
            assertThat(report.summary()).contains("2 photo(s) restored");
            assertThat(Files.readAllBytes(fresh.attachments().file(HOUSE).orElseThrow())).isEqualTo(house);
            assertThat(Files.readAllBytes(fresh.attachments().file(MEMBER).orElseThrow())).isEqualTo(member);
            assertThat(new BackupImporter(fresh, MASTER).importFrom(backup).photosAdded()).as("imported again").isZero();
        }

        try (KitStore holding = TestRecovery.open(temp.resolve("holding"))) {
            byte[] own = bytes(1_000, 3);
            put(holding, HOUSE, own);
            assertThat(new BackupImporter(holding, MASTER).importFrom(backup).photosAdded()).isEqualTo(1);
            assertThat(Files.readAllBytes(holding.attachments().file(HOUSE).orElseThrow())).as("the name's bytes never change").isEqualTo(own);
            assertThat(Files.readAllBytes(holding.attachments().file(MEMBER).orElseThrow())).isEqualTo(member);
        }
    }

    @Test
    void a_photo_changed_after_the_backup_was_signed_is_refused() throws IOException {
        Path sourceDir = temp.resolve("master");
        KitAuthority.openOrCreate(sourceDir, "River team");
        Path backup = temp.resolve("team.zip");
        try (KitStore source = TestRecovery.open(sourceDir)) {
            new FieldTeam(source).createHouseholds(1, PHONE_A);
            put(source, HOUSE, bytes(5_000, 4));
            new BackupExporter(source, new BackupOrigin("River team", MASTER, "test")).export(backup);
        }
        byte[] swapped = bytes(5_000, 5);
        Path damaged = BackupForgery.of(backup).put("attachments/" + HOUSE, swapped).writeTo(temp.resolve("damaged.zip"));
        Path forged = BackupForgery.of(backup).put("attachments/" + HOUSE, swapped).rehashed().writeTo(temp.resolve("forged.zip"));
        assertRefusedIntoNewFolder(damaged, "damaged.zip is damaged: attachments/" + HOUSE + " does not match its checksum");
        assertRefusedIntoNewFolder(forged, "forged.zip is damaged or forged: its team signature does not match its content");
    }

    @Test
    void a_photo_member_whose_name_is_no_photo_name_is_refused_and_nothing_is_written_anywhere() throws IOException {
        Path backup = unsignedBackup();
        for (String bad : new String[] {"attachments/../../escaped.jpg", "attachments/sub/" + HOUSE, "attachments/" + HOUSE.toUpperCase(),
                "attachments/"}) {
            Path forged = BackupForgery.of(backup).listed(bad, bytes(100, 6)).rehashed().writeTo(temp.resolve("bad.zip"));
            assertRefusedIntoNewFolder(forged, "bad.zip is damaged: " + bad + " is not the name of a photo");
        }
        assertThat(temp.resolve("escaped.jpg")).doesNotExist();
        assertThat(temp.resolve("new-laptop").resolve("escaped.jpg")).doesNotExist();
    }

    @Test
    void a_photo_larger_than_a_photo_may_be_is_refused_early_whatever_the_manifest_says() throws IOException {
        Path backup = unsignedBackup();
        byte[] swollen = new byte[(int) Attachments.MAX_BYTES + 1]; // zeros: a few KB zipped
        Path honest = BackupForgery.of(backup).listed("attachments/" + HOUSE, swollen).rehashed().writeTo(temp.resolve("big.zip"));
        assertThat(Files.size(honest)).isLessThan(1L << 20);
        assertRefusedIntoNewFolder(honest, "big.zip cannot be imported: attachments/" + HOUSE + " is larger than a photo may be (10 MB)");

        Path lying = BackupForgery.of(backup).listed("attachments/" + HOUSE, swollen).rehashed()
                .edit(BackupFormat.MANIFEST, m -> m.replace("\"bytes\":" + swollen.length, "\"bytes\":100"))
                .writeTo(temp.resolve("lying.zip"));
        assertRefusedIntoNewFolder(lying, "lying.zip is damaged: attachments/" + HOUSE + " does not match its checksum");
    }

    private Path unsignedBackup() {
        Path backup = temp.resolve("plain.zip");
        try (KitStore source = TestRecovery.open(temp.resolve("never-ran"))) {
            new FieldTeam(source).createHouseholds(1, PHONE_A);
            new BackupExporter(source, new BackupOrigin("Plain team", MASTER, "test")).export(backup);
        }
        return backup;
    }

    private void assertRefusedIntoNewFolder(Path backup, String message) {
        try (KitStore fresh = TestRecovery.open(temp.resolve("new-laptop"))) {
            assertThatThrownBy(() -> new BackupImporter(fresh, MASTER).importFrom(backup))
                    .isInstanceOf(BackupRejectedException.class).hasMessageStartingWith(message);
            assertThat(fresh.entryCount()).isZero();
            assertThat(fresh.attachments().names()).isEmpty();
        }
    }

    private static void put(KitStore store, String name, byte[] bytes) throws IOException {
        for (int at = 0; at < bytes.length; at += Attachments.MAX_CHUNK_BYTES) {
            int to = Math.min(bytes.length, at + Attachments.MAX_CHUNK_BYTES);
            store.attachments().append(name, PHONE_A, at, bytes.length, new ByteArrayInputStream(bytes, at, to - at));
        }
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
