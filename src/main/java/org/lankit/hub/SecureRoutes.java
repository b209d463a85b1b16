package org.lankit.hub;

import io.javalin.http.Context;
import java.io.InputStream;
import java.security.cert.CertificateEncodingException;
import org.lankit.secure.AppleProfile;

/**
 * What a phone needs to trust the kit, on both listeners and without a token: the kit authority
 * as a certificate (Android and others) or as a profile (iPhone), and the set-up page that walks
 * a person through installing it.
 */
final class SecureRoutes {

    private final TlsListener listener;
    private final MasterIdentity master;

    SecureRoutes(TlsListener listener, MasterIdentity master) {
        this.listener = listener;
        this.master = master;
    }

    void certificate(Context ctx) throws CertificateEncodingException {
        ctx.header("Content-Disposition", "attachment; filename=\"lankit-ca.crt\"")
                .contentType("application/x-x509-ca-cert")
                .result(listener.identity().authority().getEncoded());
    }

    void appleProfile(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"lankit.mobileconfig\"")
                .contentType(AppleProfile.CONTENT_TYPE)
                .result(AppleProfile.of(listener.identity().authority(), master.name()));
    }

    static void setupPage(Context ctx) {
        InputStream page = SecureRoutes.class.getResourceAsStream("/web/setup.html");
        if (page == null) throw ApiException.notFound("the set-up page is missing from this build");
        ctx.header("Cache-Control", "no-cache").contentType("text/html; charset=utf-8").result(page);
    }
}
