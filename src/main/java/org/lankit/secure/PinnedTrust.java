package org.lankit.secure;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How a client laptop trusts its master: only a certificate chain that ends in the kit authority
 * whose pin it was given (the laptop join code), checked the standard way from there on (signature,
 * validity, the address it dialled). Any other certificate, however well signed, is refused with
 * {@link NotThisKitException}: a machine in the middle cannot stand in for the master.
 */
public final class PinnedTrust extends X509ExtendedTrustManager {

    private final String pin;

    private PinnedTrust(String pin) {
        this.pin = pin;
    }

    /** A TLS context that trusts the kit authority with this pin and nothing else. */
    public static SSLContext context(String pin) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new PinnedTrust(pin)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no TLS: " + e.getMessage(), e);
        }
    }

    /** The server's certificate chain does not lead to the pinned kit authority. */
    public static final class NotThisKitException extends CertificateException {
        NotThisKitException() {
            super("the certificate does not belong to the team's kit authority");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        standard(chain).checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        standard(chain).checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        standard(chain).checkServerTrusted(chain, authType);
    }

    /** The standard checks, anchored at the authority in the chain whose pin matches. */
    private X509ExtendedTrustManager standard(X509Certificate[] chain) throws CertificateException {
        for (X509Certificate cert : chain) {
            if (cert.getBasicConstraints() >= 0 && CaPin.of(cert).matches(pin)) return anchoredAt(cert);
        }
        throw new NotThisKitException();
    }

    private static X509ExtendedTrustManager anchoredAt(X509Certificate authority) throws CertificateException {
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            anchors.setCertificateEntry("kit", authority);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(anchors);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) return extended;
            }
            throw new CertificateException("no standard certificate checks in this Java");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new CertificateException("cannot check the certificate: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a client laptop does not accept connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a client laptop does not accept connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client laptop does not accept connections");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
