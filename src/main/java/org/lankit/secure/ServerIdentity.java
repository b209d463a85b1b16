package org.lankit.secure;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** The key and certificate the HTTPS listener presents, with the kit authority that signed it. */
public record ServerIdentity(PrivateKey key, X509Certificate certificate, X509Certificate authority) {

    /** Leaf first, then the authority, as a TLS server sends them. */
    public X509Certificate[] chain() {
        return new X509Certificate[] {certificate, authority};
    }
}
