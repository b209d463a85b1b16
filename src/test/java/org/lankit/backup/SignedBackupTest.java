package org.lankit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lankit.testkit.FieldTeam.MASTER;
import static org.lankit.testkit.FieldTeam.PHONE_A;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.secure.KitAuthority;
import org.lankit.store.KitStore;
import org.lankit.testkit.FieldTeam;
import org.lankit.testkit.StoreDump;

/**
 * Backups are signed by the team's kit authority: a master takes only its own team's backups,
 * so a file someone edited and hashed again is refused; a new, empty folder checks the signature
 * against the authority the backup carries, and takes an unsigned backup with a warning.
 */
class SignedBackupTest {

    private static final String MANIFEST_SIGNATURE = "manifest.sig";

    @TempDir
    Path temp;

    private Path masterDir;
    private KitStore master;
    private Path backup;
    private List<Object> before;

    @BeforeEach
    void a_master_with_its_kit_authority_and_a_backup_it_wrote() {
        masterDir = temp.resolve("master");
        KitAuthority.openOrCreate(masterDir, "River team");
        master = TestRecovery.open(masterDir);
        new FieldTeam(master).createHouseholds(20, PHONE_A);
        backup = temp.resolve("river.zip");
        new BackupExporter(master, new BackupOrigin("River team", MASTER, "test")).export(backup);
        before = fingerprint(master);
    }

    @AfterEach
    void close() {
        master.close();
    }

    @Test
    void the_master_takes_back_its_own_signed_backup() throws IOException {
        assertThat(BackupForgery.of(backup).has(MANIFEST_SIGNATURE)).as("the backup holds " + MANIFEST_SIGNATURE).isTrue();
        ImportReport report = new BackupImporter(master, MASTER).importFrom(backup);
        assertThat(report.unchanged()).isEqualTo(20);
        try (VerifiedBackup opened = VerifiedBackup.open(backup, masterDir, TestRecovery.unlock())) {
            assertThat(opened.signer()).isEqualTo(BackupSignature.Signer.THIS_MASTER);
            assertThat(opened.signatureNote()).isEqualTo("river.zip is signed by this team's kit authority.");
        }
    }

    @Test
    void an_edited_backup_whose_sums_were_made_to_match_again_is_refused_as_damaged_or_forged() throws IOException {
        Path forged = BackupForgery.of(backup).edit("entries.jsonl", t -> t.replace("Respondent 3\"", "Forged name\""))
                .rehashed().writeTo(temp.resolve("forged.zip"));
        assertRefused(forged, "forged.zip is damaged or forged: its team signature does not match its content");
    }

    @Test
    void a_backup_whose_signature_was_removed_is_refused_by_a_master_with_its_own_authority() throws IOException {
        Path unsigned = BackupForgery.of(backup).without(MANIFEST_SIGNATURE).edit("entries.jsonl",
                t -> t.replace("Respondent 3\"", "Forged name\"")).rehashed().writeTo(temp.resolve("unsigned.zip"));
        assertRefused(unsigned, "unsigned.zip has no team signature, so this master cannot tell it from a forged file");
    }

    @Test
    void a_backup_signed_again_with_a_forgers_own_authority_is_refused() throws IOException {
        KitAuthority.openOrCreate(temp.resolve("forger"), "Forger");
        KitAuthority.KeptFiles forgers = KitAuthority.kept(temp.resolve("forger")).orElseThrow();
        Path resigned = BackupForgery.of(backup).edit("entries.jsonl", t -> t.replace("Respondent 3\"", "Forged name\""))
                .signedBy(forgers).writeTo(temp.resolve("resigned.zip"));
        assertRefused(resigned, "resigned.zip is signed by another team's kit authority");
    }

    @Test
    void a_new_folder_checks_the_signature_against_the_authority_the_backup_carries_and_says_so() throws IOException {
        Path fresh = temp.resolve("new-laptop");
        try (VerifiedBackup opened = VerifiedBackup.open(backup, fresh, TestRecovery.unlock())) {
            assertThat(opened.signer()).isEqualTo(BackupSignature.Signer.CARRIED_AUTHORITY);
            assertThat(opened.signatureNote()).contains("signed by the kit authority it carries");
        }
        Path forged = BackupForgery.of(backup).edit("entries.jsonl", t -> t.replace("Respondent 3\"", "Forged name\""))
                .rehashed().writeTo(temp.resolve("forged.zip"));
        try (KitStore empty = TestRecovery.open(fresh)) {
            assertThatThrownBy(() -> new BackupImporter(empty, MASTER).importFrom(forged)).isInstanceOf(BackupRejectedException.class)
                    .hasMessage("forged.zip is damaged or forged: its team signature does not match its content"
                            + " (it was changed after it was written)");
            assertThat(empty.entryCount()).isZero();
        }
    }

    @Test
    void an_unsigned_backup_of_a_folder_without_an_authority_restores_into_a_new_folder_with_a_warning() {
        Path plain = temp.resolve("plain.zip");
        try (KitStore noAuthority = TestRecovery.open(temp.resolve("never-ran"))) {
            new FieldTeam(noAuthority).createHouseholds(3, PHONE_A);
            new BackupExporter(noAuthority, new BackupOrigin("Plain team", MASTER, "test")).export(plain);
        }
        Path fresh = temp.resolve("new-laptop");
        try (VerifiedBackup opened = VerifiedBackup.open(plain, fresh, TestRecovery.unlock())) {
            assertThat(opened.signer()).isEqualTo(BackupSignature.Signer.NONE);
            assertThat(opened.signatureNote()).startsWith("Warning: plain.zip carries no team signature");
        }
        try (KitStore empty = TestRecovery.open(fresh)) {
            assertThat(new BackupImporter(empty, MASTER).importFrom(plain).created()).isEqualTo(3);
        }
        assertThatThrownBy(() -> new BackupImporter(master, MASTER).importFrom(plain))
                .hasMessageStartingWith("plain.zip has no team signature");
    }

    private void assertRefused(Path file, String reason) {
        assertThatThrownBy(() -> new BackupImporter(master, MASTER).importFrom(file))
                .isInstanceOf(BackupRejectedException.class)
                .hasMessageStartingWith(reason);
        assertThat(fingerprint(master)).isEqualTo(before);
    }

    private static List<Object> fingerprint(KitStore store) {
        return List.of(StoreDump.entries(store), StoreDump.audit(store), store.forms().all(), store.devices().all(), store.lastSeq());
    }
}
