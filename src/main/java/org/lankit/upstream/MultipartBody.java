package org.lankit.upstream;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A {@code multipart/form-data} body holding one XForm instance in the part the OpenRosa
 * submission API names {@code xml_submission_file}.
 *
 * @param boundary the part delimiter: random, so no instance can contain it by chance
 * @param bytes    the whole body
 */
record MultipartBody(String boundary, byte[] bytes) {

    static final String PART = "xml_submission_file";
    private static final SecureRandom RANDOM = new SecureRandom();

    static MultipartBody ofInstance(String xml) {
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        String boundary = "lankit-" + HexFormat.of().formatHex(raw);
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + PART + "\"; filename=\"submission.xml\"\r\n"
                + "Content-Type: text/xml; charset=utf-8\r\n"
                + "\r\n"
                + xml + "\r\n"
                + "--" + boundary + "--\r\n";
        return new MultipartBody(boundary, body.getBytes(StandardCharsets.UTF_8));
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }
}
