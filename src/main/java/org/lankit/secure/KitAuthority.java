package org.lankit.secure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The team's certificate authority: made once, on the master's first start, and kept in
 * {@code <data folder>/secure/} (owner-only) so phones install it once for good. It signs the
 * master's server certificate (P-256, SHA-256, serverAuth, at most 397 days) for the names phones
 * reach it by, and signs a new one by itself when those names change or expiry nears. The private
 * keys are sealed with the folder's data key (the certificates are public and stay plain); the
 * plain key files of older folders are sealed on the first start and removed.
 */
public final class KitAuthority {

    public static final String FOLDER = "secure";
    static final String CA_CERT = "kit-ca.crt";
    static final String CA_KEY = "kit-ca.key.sealed";
    static final String SERVER_CERT = "server.crt";
    static final String SERVER_KEY = "server.key.sealed";
    /** Where older versions kept the private keys, in plain PEM. */
    static final String PLAIN_CA_KEY = "kit-ca.key";
    static final String PLAIN_SERVER_KEY = "server.key";

    /** Phones with a clock days behind still accept a fresh certificate. */
    static final Duration BACKDATED = Duration.ofDays(30);
    static final Duration SERVER_VALIDITY = Duration.ofDays(395);
    static final Duration RENEW_BEFORE = Duration.ofDays(60);
    private static final Duration CA_VALIDITY = Duration.ofDays(20 * 365);
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;
    private final DataKey dataKey;
    private final X509Certificate certificate;
    private final PrivateKey key;
    private final CaPin pin;
    private final Supplier<Instant> clock;
    private ServerIdentity server;

    private KitAuthority(Path folder, DataKey dataKey, X509Certificate certificate, PrivateKey key, Supplier<Instant> clock) {
        this.folder = folder;
        this.dataKey = dataKey;
        this.certificate = certificate;
        this.key = key;
        this.pin = CaPin.of(certificate);
        this.clock = clock;
    }

    /** The authority kept in {@code dataDir}, made now if there is none; {@code teamName} goes into a new one's name. */
    public static KitAuthority openOrCreate(Path dataDir, DataKey dataKey, String teamName) {
        return openOrCreate(dataDir, dataKey, teamName, Instant::now);
    }

    /** As above, with the data key from this computer's vault. */
    public static KitAuthority openOrCreate(Path dataDir, String teamName) {
        return openOrCreate(dataDir, DataKeys.unlockQuietly(dataDir), teamName);
    }

    static KitAuthority openOrCreate(Path dataDir, DataKey dataKey, String teamName, Supplier<Instant> clock) {
        Path folder = dataDir.resolve(FOLDER);
        try {
            SealedKeyFiles.sealPlain(folder, dataKey, PLAIN_CA_KEY, CA_KEY);
            SealedKeyFiles.sealPlain(folder, dataKey, PLAIN_SERVER_KEY, SERVER_KEY);
            Optional<KeptFiles> existing = kept(dataDir, dataKey);
            if (existing.isPresent()) {
                return new KitAuthority(folder, dataKey, Pem.readCertificate(existing.get().certificate()),
                        Pem.readPrivateKey(existing.get().key()), clock);
            }
            KeyPair pair = newKeyPair();
            Instant now = clock.get();
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, "Lankit " + (teamName == null || teamName.isBlank() ? "team" : teamName.strip()))
                    .addRDN(BCStyle.O, "Lankit kit certificate authority").build();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minus(BACKDATED)),
                    Date.from(now.plus(CA_VALIDITY)), name, pair.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate ca = sign(b, pair.getPrivate());
            keepAuthority(folder, dataKey, ca, pair.getPrivate());
            return new KitAuthority(folder, dataKey, ca, pair.getPrivate(), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the kit certificate in " + folder + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("the kit certificate in " + folder + " cannot be read or made: " + e.getMessage(), e);
        }
    }

    /** The authority's certificate and private key as PEM text, for backups (which encrypt them as a whole). */
    public record KeptFiles(String certificate, String key) {
        @Override
        public String toString() {
            return "KeptFiles[certificate, key hidden]";
        }
    }

    /** The authority kept in {@code dataDir}, if one was made there, its key opened with {@code dataKey}. */
    public static Optional<KeptFiles> kept(Path dataDir, DataKey dataKey) {
        Path folder = dataDir.resolve(FOLDER);
        try {
            if (!Files.exists(folder.resolve(CA_CERT))) return Optional.empty();
            Optional<String> key = SealedKeyFiles.read(folder, CA_KEY, PLAIN_CA_KEY, dataKey);
            if (key.isEmpty()) return Optional.empty();
            return Optional.of(new KeptFiles(Files.readString(folder.resolve(CA_CERT), StandardCharsets.US_ASCII), key.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kit certificate in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** As above, with the data key from this computer's vault. */
    public static Optional<KeptFiles> kept(Path dataDir) {
        if (!Files.exists(dataDir.resolve(FOLDER).resolve(CA_CERT))) return Optional.empty();
        return kept(dataDir, DataKeys.unlockQuietly(dataDir));
    }

    /**
     * Puts a backed-up authority into a data folder that has none yet, so a restored master keeps
     * the certificate its phones trust. Refuses files that are not a certificate and its key.
     * Returns false when the folder already has its own authority (it stays).
     */
    public static boolean restore(Path dataDir, DataKey dataKey, KeptFiles files) {
        if (kept(dataDir, dataKey).isPresent()) return false;
        Path folder = dataDir.resolve(FOLDER);
        try {
            X509Certificate cert = Pem.readCertificate(files.certificate());
            PrivateKey privateKey = Pem.readPrivateKey(files.key());
            java.security.Signature probe = java.security.Signature.getInstance(SIGNATURE);
            probe.initSign(privateKey);
            probe.update(cert.getEncoded());
            byte[] signed = probe.sign();
            probe.initVerify(cert.getPublicKey());
            probe.update(cert.getEncoded());
            if (cert.getBasicConstraints() < 0 || !probe.verify(signed)) {
                throw new IllegalArgumentException("the backup's kit certificate and key do not belong together");
            }
            keepAuthority(folder, dataKey, cert, privateKey);
            return true;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the backup's kit certificate cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the kit certificate in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** As above, with the data key from this computer's vault. */
    public static boolean restore(Path dataDir, KeptFiles files) {
        return restore(dataDir, DataKeys.unlockQuietly(dataDir), files);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public CaPin pin() {
        return pin;
    }

    /**
     * The server identity for {@code names}: the one kept on disk while it names exactly these
     * addresses, was signed by this authority and is not near expiry; otherwise a new one, kept.
     */
    public synchronized ServerIdentity serverIdentity(ServerNames names) {
        if (server == null) server = loadServer().orElse(null);
        if (server != null && fits(server.certificate(), names)) return server;
        try {
            server = issue(names);
            SealedKeyFiles.write(folder, SERVER_KEY, dataKey, Pem.privateKey(server.key()));
            writeSecret(folder.resolve(SERVER_CERT), Pem.certificate(server.certificate()));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the server certificate in " + folder + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot sign the server certificate: " + e.getMessage(), e);
        }
    }

    private Optional<ServerIdentity> loadServer() {
        try {
            Path cert = folder.resolve(SERVER_CERT);
            Optional<String> serverKey = SealedKeyFiles.read(folder, SERVER_KEY, PLAIN_SERVER_KEY, dataKey);
            if (!Files.exists(cert) || serverKey.isEmpty()) return Optional.empty();
            return Optional.of(new ServerIdentity(Pem.readPrivateKey(serverKey.get()),
                    Pem.readCertificate(Files.readString(cert)), certificate));
        } catch (IOException | GeneralSecurityException | SealedDataException unreadable) {
            return Optional.empty(); // a new one is signed
        }
    }

    private boolean fits(X509Certificate cert, ServerNames names) {
        try {
            cert.verify(certificate.getPublicKey());
        } catch (GeneralSecurityException notOurs) {
            return false;
        }
        Instant now = clock.get();
        boolean current = cert.getNotBefore().toInstant().isBefore(now)
                && cert.getNotAfter().toInstant().isAfter(now.plus(RENEW_BEFORE));
        return current && names.addresses().equals(ipNames(cert)) && dnsNames(cert).equals(List.of(names.localName()));
    }

    private ServerIdentity issue(ServerNames names) throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair pair = newKeyPair();
        Instant now = clock.get();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, names.addresses().first())
                .addRDN(BCStyle.O, "Lankit master").build();
        X500Name issuer = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        Instant notBefore = now.minus(BACKDATED);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(notBefore),
                Date.from(notBefore.plus(SERVER_VALIDITY)), subject, pair.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
        b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
        GeneralName[] alternatives = new GeneralName[names.addresses().size() + 1];
        int i = 0;
        for (String address : names.addresses()) alternatives[i++] = new GeneralName(GeneralName.iPAddress, address);
        alternatives[i] = new GeneralName(GeneralName.dNSName, names.localName());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
        return new ServerIdentity(pair.getPrivate(), sign(b, key), certificate);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
    }

    static SortedSet<String> ipNames(X509Certificate cert) {
        return new TreeSet<>(alternativeNames(cert, GeneralName.iPAddress));
    }

    static List<String> dnsNames(X509Certificate cert) {
        return alternativeNames(cert, GeneralName.dNSName);
    }

    private static List<String> alternativeNames(X509Certificate cert, int type) {
        try {
            Collection<List<?>> all = cert.getSubjectAlternativeNames();
            if (all == null) return List.of();
            return all.stream().filter(n -> Objects.equals(n.get(0), type)).map(n -> canonical(n.get(1).toString(), type)).toList();
        } catch (GeneralSecurityException e) {
            return List.of();
        }
    }

    /** The JDK writes IPv4 names as given but IPv6 ones long-hand: compare them as addresses. */
    private static String canonical(String name, int type) {
        if (type != GeneralName.iPAddress) return name;
        try {
            return InetAddress.getByName(name).getHostAddress();
        } catch (IOException e) {
            return name;
        }
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    /** Only the two files together count as a kept authority ({@link #kept}); a crash between them makes a new one. */
    private static void keepAuthority(Path folder, DataKey dataKey, X509Certificate cert, PrivateKey privateKey) throws IOException {
        prepareFolder(folder);
        SealedKeyFiles.write(folder, CA_KEY, dataKey, Pem.privateKey(privateKey));
        writeSecret(folder.resolve(CA_CERT), Pem.certificate(cert));
    }

    static void prepareFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (posix()) Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }

    /** Written whole or not at all, readable by this user only (where the file system knows owners). */
    private static void writeSecret(Path target, String text) throws IOException {
        prepareFolder(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            if (posix()) Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
