package org.lankit.testkit;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificate an HTTPS server in the LAN presents, as seen from the phone's namespace with
 * {@code openssl s_client} (which shows it whether or not it is trusted).
 */
public final class ServedCertificate {

    private ServedCertificate() {
    }

    public static X509Certificate at(LanNamespaces lan, String host, int port) {
        HostCommand.Result shown = HostCommand.run(LanNamespaces.inside(lan.phone(),
                List.of("openssl", "s_client", "-connect", host + ":" + port)));
        String output = shown.output();
        int begin = output.indexOf("-----BEGIN CERTIFICATE-----");
        int end = output.indexOf("-----END CERTIFICATE-----");
        if (begin < 0 || end < 0) throw new AssertionError("no certificate from " + host + ":" + port + ": " + output);
        String pem = output.substring(begin, end + "-----END CERTIFICATE-----".length());
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError("unreadable certificate from " + host + ":" + port, e);
        }
    }

    /** The IP addresses a certificate names (subject alternative names of type IP). */
    public static List<String> ipAddresses(X509Certificate certificate) {
        try {
            var names = certificate.getSubjectAlternativeNames();
            if (names == null) return List.of();
            return names.stream().filter(n -> (Integer) n.get(0) == 7).map(n -> (String) n.get(1)).toList();
        } catch (GeneralSecurityException e) {
            throw new AssertionError("unreadable subject alternative names", e);
        }
    }

    /** The certificate of the kit CA, from its DER bytes. */
    public static X509Certificate fromDer(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new AssertionError("unreadable certificate", e);
        }
    }
}
