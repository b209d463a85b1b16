package org.lankit.secure;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Signatures by the team's kit authority over bytes the team keeps, such as a backup's manifest:
 * SHA256withECDSA with the authority's P-256 key, checked against its certificate. The authority
 * is given as the PEM text it is kept in ({@link KitAuthority.KeptFiles}), so a backup can be
 * checked against the master's own authority or against the one it carries. Stateless and
 * thread-safe.
 */
public final class KitSignature {

    public static final String ALGORITHM = "SHA256withECDSA";

    private KitSignature() {
    }

    /** {@code data} signed with the authority's private key (DER-encoded ECDSA signature). */
    public static byte[] sign(KitAuthority.KeptFiles authority, byte[] data) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(Pem.readPrivateKey(authority.key()));
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the kit authority's key cannot sign: " + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} is the authority's (certificate in PEM) over exactly {@code data}; false for anything unreadable. */
    public static boolean verifies(String certificatePem, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(Pem.readCertificate(certificatePem).getPublicKey());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
            return false;
        }
    }

    /** The short pin of the authority (as phones are shown it), when the PEM text is a certificate. */
    public static Optional<String> pinOf(String certificatePem) {
        try {
            X509Certificate cert = Pem.readCertificate(certificatePem);
            return Optional.of(CaPin.of(cert).pin());
        } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
