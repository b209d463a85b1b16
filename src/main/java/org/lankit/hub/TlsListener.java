package org.lankit.hub;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.lankit.secure.ServerIdentity;

/**
 * The hub's HTTPS listener: TLS 1.2 and 1.3 only, presenting the master's server certificate and
 * the kit authority above it. A new certificate (the address changed) replaces the old one
 * without a restart; connections already open finish with the old one.
 */
final class TlsListener {

    private static final String ALIAS = "lankit";

    private final SslContextFactory.Server tls = new SslContextFactory.Server();
    private final char[] password = randomPassword();
    private volatile ServerIdentity identity;
    private ServerConnector connector;

    TlsListener(ServerIdentity identity) {
        this.identity = identity;
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        // phones reach the master by IP address, which TLS clients do not send as a server name
        tls.setSniRequired(false);
        tls.setKeyStore(keyStore(identity));
        tls.setKeyStorePassword(new String(password));
    }

    ServerConnector connector(Server server, HttpConfiguration plain, String host, int port) {
        HttpConfiguration https = new HttpConfiguration(plain);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    int port() {
        return connector.getLocalPort();
    }

    ServerIdentity identity() {
        return identity;
    }

    /** Presents {@code next} to every new connection from now on. */
    void use(ServerIdentity next) {
        try {
            tls.reload(factory -> factory.setKeyStore(keyStore(next)));
        } catch (Exception e) {
            throw new IllegalStateException("the HTTPS listener cannot take the new certificate: " + e.getMessage(), e);
        }
        identity = next;
    }

    private KeyStore keyStore(ServerIdentity id) {
        try {
            // held in memory only, never written: JKS's key protection is instant, where PKCS12's
            // PBKDF2 (on storing the key and again on reading it) cost 0.2-0.4 s of every start
            KeyStore store = KeyStore.getInstance("JKS");
            store.load(null, null);
            store.setKeyEntry(ALIAS, id.key(), password, id.chain());
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot hold the server certificate: " + e.getMessage(), e);
        }
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).toCharArray();
    }
}
