package org.lankit.secure;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.UUID;

/**
 * The kit authority as an iPhone configuration profile ({@code .mobileconfig}): iPhones install a
 * certificate authority from a profile, then the person turns on full trust for it. Identifiers
 * come from the authority's fingerprint, so downloading the profile again replaces it.
 */
public final class AppleProfile {

    public static final String CONTENT_TYPE = "application/x-apple-aspen-config";

    private AppleProfile() {
    }

    public static byte[] of(X509Certificate authority, String teamName) {
        CaPin pin = CaPin.of(authority);
        String der;
        try {
            der = Base64.getMimeEncoder(52, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(authority.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the kit certificate", e);
        }
        String team = xml(teamName == null || teamName.isBlank() ? "your team" : teamName.strip());
        String id = "org.lankit.ca." + pin.fingerprint().substring(0, 16);
        String text = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                  <key>PayloadContent</key>
                  <array>
                    <dict>
                      <key>PayloadCertificateFileName</key><string>lankit-ca.cer</string>
                      <key>PayloadContent</key>
                      <data>
                %s
                      </data>
                      <key>PayloadDescription</key><string>Lets this phone open the Lankit form of %s securely, also offline.</string>
                      <key>PayloadDisplayName</key><string>Lankit certificate (%s)</string>
                      <key>PayloadIdentifier</key><string>%s.certificate</string>
                      <key>PayloadType</key><string>com.apple.security.root</string>
                      <key>PayloadUUID</key><string>%s</string>
                      <key>PayloadVersion</key><integer>1</integer>
                    </dict>
                  </array>
                  <key>PayloadDescription</key><string>The certificate of the Lankit master laptop of %s.</string>
                  <key>PayloadDisplayName</key><string>Lankit – %s</string>
                  <key>PayloadIdentifier</key><string>%s</string>
                  <key>PayloadRemovalDisallowed</key><false/>
                  <key>PayloadType</key><string>Configuration</string>
                  <key>PayloadUUID</key><string>%s</string>
                  <key>PayloadVersion</key><integer>1</integer>
                </dict>
                </plist>
                """.formatted(der, team, pin.pin(), id, uuid(pin, "certificate"), team, team, id, uuid(pin, "profile"));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String uuid(CaPin pin, String part) {
        return UUID.nameUUIDFromBytes((pin.fingerprint() + "/" + part).getBytes(StandardCharsets.US_ASCII)).toString().toUpperCase();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
