package org.lankit.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The team's certificate authority, as phones and laptops depend on it across the kit's life. */
class KitAuthorityTest {

    private static final ServerNames AT_SCHOOL = ServerNames.of(Set.of("192.168.1.20", "127.0.0.1"), "Amina's Laptop");
    private static final ServerNames AT_CLINIC = ServerNames.of(Set.of("10.0.0.7", "127.0.0.1"), "Amina's Laptop");

    @TempDir
    Path dataDir;

    @Test
    void the_first_start_makes_the_authority_and_every_later_start_keeps_the_same_one_readable_by_its_owner_only() throws Exception {
        KitAuthority first = KitAuthority.openOrCreate(dataDir, "River Valley survey");
        KitAuthority again = KitAuthority.openOrCreate(dataDir, "Renamed team");

        assertThat(again.certificate()).isEqualTo(first.certificate());
        assertThat(again.pin()).isEqualTo(first.pin());
        assertThat(first.certificate().getSubjectX500Principal().getName()).contains("Lankit River Valley survey");
        assertThat(first.certificate().getBasicConstraints()).as("a certificate authority").isGreaterThanOrEqualTo(0);
        assertThat(first.certificate().getKeyUsage()[5]).as("may sign certificates").isTrue();
        Path folder = dataDir.resolve(KitAuthority.FOLDER);
        assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(folder.resolve(KitAuthority.CA_KEY))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void the_server_certificate_names_the_masters_addresses_and_local_name_with_the_fields_phones_require() throws Exception {
        KitAuthority authority = KitAuthority.openOrCreate(dataDir, "Team");
        ServerIdentity server = authority.serverIdentity(AT_SCHOOL);
        X509Certificate cert = server.certificate();

        cert.verify(authority.certificate().getPublicKey());
        assertThat(KitAuthority.ipNames(cert)).containsExactly("127.0.0.1", "192.168.1.20");
        assertThat(KitAuthority.dnsNames(cert)).containsExactly("amina-s-laptop.local");
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(cert.getBasicConstraints()).as("not an authority").isEqualTo(-1);
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(((ECPublicKey) cert.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        Duration validity = Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
        assertThat(validity).isLessThanOrEqualTo(Duration.ofDays(397));
        assertThat(cert.getNotBefore().toInstant()).as("a phone whose clock is behind still accepts it")
                .isBefore(Instant.now().minus(Duration.ofDays(7)));
        assertThat(server.chain()).containsExactly(cert, authority.certificate());
    }

    @Test
    void the_same_addresses_keep_the_same_certificate_across_restarts() {
        X509Certificate before = KitAuthority.openOrCreate(dataDir, "Team").serverIdentity(AT_SCHOOL).certificate();
        X509Certificate after = KitAuthority.openOrCreate(dataDir, "Team").serverIdentity(AT_SCHOOL).certificate();

        assertThat(after).isEqualTo(before);
    }

    @Test
    void a_new_address_gets_a_new_certificate_from_the_same_authority_so_phones_install_nothing_again() throws Exception {
        KitAuthority authority = KitAuthority.openOrCreate(dataDir, "Team");
        X509Certificate atSchool = authority.serverIdentity(AT_SCHOOL).certificate();

        KitAuthority restarted = KitAuthority.openOrCreate(dataDir, "Team");
        X509Certificate atClinic = restarted.serverIdentity(AT_CLINIC).certificate();

        assertThat(atClinic).isNotEqualTo(atSchool);
        assertThat(KitAuthority.ipNames(atClinic)).containsExactly("10.0.0.7", "127.0.0.1");
        atClinic.verify(authority.certificate().getPublicKey());
        assertThat(restarted.pin()).isEqualTo(authority.pin());
    }

    @Test
    void a_certificate_near_its_end_is_signed_anew_by_itself() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        KitAuthority authority = KitAuthority.openOrCreate(dataDir, DataKeys.unlock(dataDir), "Team", now::get);
        X509Certificate first = authority.serverIdentity(AT_SCHOOL).certificate();

        now.set(now.get().plus(Duration.ofDays(300)));
        assertThat(authority.serverIdentity(AT_SCHOOL).certificate()).as("still months to go").isEqualTo(first);

        now.set(first.getNotAfter().toInstant().minus(Duration.ofDays(20)));
        X509Certificate renewed = authority.serverIdentity(AT_SCHOOL).certificate();
        assertThat(renewed).isNotEqualTo(first);
        assertThat(renewed.getNotAfter()).isAfter(first.getNotAfter());
    }

    @Test
    void the_pin_is_sixteen_typeable_characters_that_match_however_a_person_types_them() {
        CaPin pin = KitAuthority.openOrCreate(dataDir, "Team").pin();
        CaPin other = KitAuthority.openOrCreate(dataDir.resolve("other"), "Team").pin();

        assertThat(pin.pin()).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        assertThat(pin.fingerprint()).hasSize(64);
        assertThat(pin.matches(pin.pin())).isTrue();
        assertThat(pin.matches(pin.pin().toLowerCase().replace("-", " "))).isTrue();
        assertThat(pin.matches(pin.pin().replace('0', 'O').replace('1', 'I'))).as("look-alikes read the Crockford way").isTrue();
        assertThat(pin.matches(other.pin())).isFalse();
        assertThat(pin.matches(pin.pin().substring(0, 14))).isFalse();
    }

    @Test
    void the_private_keys_in_the_secure_folder_are_sealed_so_no_file_there_holds_their_pem_text() throws Exception {
        KitAuthority authority = KitAuthority.openOrCreate(dataDir, "Team");
        ServerIdentity server = authority.serverIdentity(AT_SCHOOL);
        String caKey = KitAuthority.kept(dataDir).orElseThrow().key();
        String caKeyBody = caKey.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        String serverKeyBody = java.util.Base64.getEncoder().encodeToString(server.key().getEncoded()).substring(0, 40);

        try (var files = Files.walk(dataDir.resolve(KitAuthority.FOLDER))) {
            assertThat(files.filter(Files::isRegularFile)).isNotEmpty().allSatisfy(file -> {
                String bytes = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file.toString()).doesNotContain("PRIVATE KEY").doesNotContain(caKeyBody).doesNotContain(serverKeyBody);
            });
        }
        assertThat(dataDir.resolve(KitAuthority.FOLDER).resolve(KitAuthority.PLAIN_CA_KEY)).doesNotExist();
        assertThat(caKey).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void an_older_folders_plain_key_files_are_sealed_on_the_next_start_and_the_authority_stays_the_same() throws Exception {
        KitAuthority made = KitAuthority.openOrCreate(dataDir, "Team");
        ServerIdentity server = made.serverIdentity(AT_SCHOOL);
        Path folder = dataDir.resolve(KitAuthority.FOLDER);
        // the folder as an older version left it: the private keys as plain PEM files
        Files.writeString(folder.resolve(KitAuthority.PLAIN_CA_KEY), KitAuthority.kept(dataDir).orElseThrow().key());
        Files.writeString(folder.resolve(KitAuthority.PLAIN_SERVER_KEY), Pem.privateKey(server.key()));
        Files.delete(folder.resolve(KitAuthority.CA_KEY));
        Files.delete(folder.resolve(KitAuthority.SERVER_KEY));

        KitAuthority reopened = KitAuthority.openOrCreate(dataDir, "Team");

        assertThat(reopened.pin()).isEqualTo(made.pin());
        assertThat(reopened.serverIdentity(AT_SCHOOL).certificate()).as("the same server certificate, its key read back").isEqualTo(server.certificate());
        assertThat(folder.resolve(KitAuthority.PLAIN_CA_KEY)).doesNotExist();
        assertThat(folder.resolve(KitAuthority.PLAIN_SERVER_KEY)).doesNotExist();
        assertThat(Files.readString(folder.resolve(KitAuthority.CA_KEY), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE KEY");
    }

    @Test
    void a_backed_up_authority_is_restored_sealed_with_the_new_folders_key() throws Exception {
        KitAuthority made = KitAuthority.openOrCreate(dataDir, "Team");
        KitAuthority.KeptFiles backedUp = KitAuthority.kept(dataDir).orElseThrow();
        Path fresh = dataDir.resolve("fresh");

        assertThat(KitAuthority.restore(fresh, backedUp)).isTrue();

        assertThat(KitAuthority.openOrCreate(fresh, "ignored").pin()).isEqualTo(made.pin());
        assertThat(KitAuthority.kept(fresh).orElseThrow()).isEqualTo(backedUp);
        assertThat(Files.readString(fresh.resolve(KitAuthority.FOLDER).resolve(KitAuthority.CA_KEY), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("PRIVATE KEY");
        assertThatThrownBy(() -> KitAuthority.kept(fresh, DataKey.random())).isInstanceOf(SealedDataException.class);
    }
}
