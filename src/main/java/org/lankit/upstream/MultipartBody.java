package org.lankit.upstream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.lankit.sync.AttachmentName;

/**
 * A {@code multipart/form-data} body holding one XForm instance in the part the OpenRosa
 * submission API names {@code xml_submission_file}, then each photo the instance names in a part
 * named by its file name (the name the instance's answer holds), as the API asks.
 *
 * @param boundary the part delimiter: random, so no instance or photo can contain it by chance
 * @param bytes    the whole body
 */
record MultipartBody(String boundary, byte[] bytes) {

    static final String PART = "xml_submission_file";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A photo to send beside the instance: its attachment name and bytes. */
    record File(String name, byte[] bytes) {
    }

    static MultipartBody ofInstance(String xml, List<File> files) {
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        String boundary = "lankit-" + HexFormat.of().formatHex(raw);
        ByteArrayOutputStream body = new ByteArrayOutputStream(xml.length() + 512 + files.stream().mapToInt(f -> f.bytes().length).sum());
        part(body, boundary, PART, "submission.xml", "text/xml; charset=utf-8", xml.getBytes(StandardCharsets.UTF_8));
        // attachment names are 32 hex digits and an extension: nothing in them needs quoting
        for (File f : files) part(body, boundary, f.name(), f.name(), AttachmentName.mediaType(f.name()), f.bytes());
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new MultipartBody(boundary, body.toByteArray());
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, String type, byte[] content) {
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + type + "\r\n"
                + "\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }
}
