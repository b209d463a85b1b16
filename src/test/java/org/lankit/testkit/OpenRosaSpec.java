package org.lankit.testkit;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The OpenRosa rules {@link OpenRosaServer} holds every request to: the headers of the OpenRosa
 * request API, and for a submission the multipart body with its {@code xml_submission_file} part
 * and the XForm instance in it ({@code id} and {@code version} on the root, {@code meta/instanceID}
 * as {@code uuid:} and an RFC 4122 uuid, {@code meta/deprecatedID} the same), and every other part
 * a media file named by its file name ({@code name} and {@code filename} alike, each once), of a
 * media type, that the instance names. Each check throws {@link Violation} with what is wrong.
 */
final class OpenRosaSpec {

    /** A request that breaks the spec, in words. */
    static final class Violation extends Exception {
        Violation(String message) {
            super(message, null, false, false);
        }
    }

    /** What a submission body holds: the instance's XML and the media files beside it, by file name. */
    record Submission(String xml, Map<String, byte[]> files) {
    }

    /** A submitted instance as read from its XML. */
    record Instance(String formId, String version, String instanceId, String deprecatedId, Map<String, String> fields,
                    Map<String, List<Map<String, String>>> rows, String xml) {
    }

    static final String PART = "xml_submission_file";
    private static final Pattern UUID_ID = Pattern.compile(
            "uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");
    private static final Pattern BOUNDARY = Pattern.compile("(?i)^multipart/form-data\\s*;.*\\bboundary=\"?([^\";]+)\"?");
    /** HTTP's date form, IMF-fixdate (RFC 9110): {@code Thu, 03 Dec 2026 13:00:00 GMT}. */
    private static final Pattern HTTP_DATE = Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    private static final Pattern PART_NAME = Pattern.compile("(?i)\\bname=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("(?i)\\bfilename=\"([^\"]*)\"");

    private OpenRosaSpec() {
    }

    /** Every OpenRosa request carries {@code X-OpenRosa-Version: 1.0} and a {@code Date} in HTTP's date form. */
    static void checkHeaders(String openRosaVersion, String date) throws Violation {
        if (!"1.0".equals(openRosaVersion)) throw new Violation("X-OpenRosa-Version must be 1.0, was " + openRosaVersion);
        if (date == null) throw new Violation("the Date header is missing");
        try {
            if (!HTTP_DATE.matcher(date).matches()) throw new DateTimeParseException("not IMF-fixdate", date, 0);
            DateTimeFormatter.RFC_1123_DATE_TIME.parse(date);
        } catch (DateTimeParseException e) {
            throw new Violation("the Date header is not an HTTP date (Thu, 03 Dec 2026 13:00:00 GMT): " + date);
        }
    }

    /** The one {@code xml_submission_file} part of a {@code multipart/form-data} body, and its media parts. */
    static Submission submission(String contentType, byte[] body) throws Violation {
        Matcher boundary = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!boundary.find()) throw new Violation("a submission must be multipart/form-data with a boundary, was " + contentType);
        String text = "\r\n" + new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "\r\n--" + boundary.group(1);
        int at = text.indexOf(delimiter);
        if (at < 0) throw new Violation("the body holds no multipart boundary");
        List<String> xmlParts = new ArrayList<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        while (true) {
            int start = at + delimiter.length();
            if (text.startsWith("--", start)) break;
            int lineEnd = text.indexOf("\r\n", start);
            int next = lineEnd < 0 ? -1 : text.indexOf(delimiter, lineEnd);
            if (next < 0) throw new Violation("the multipart body does not end with its closing boundary");
            String part = text.substring(lineEnd + 2, next);
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) throw new Violation("a multipart part has no blank line after its headers");
            String headers = part.substring(0, headersEnd);
            if (PART.equals(partName(headers))) {
                String type = header(headers, "Content-Type").orElse("");
                if (!type.toLowerCase().startsWith("text/xml") && !type.toLowerCase().startsWith("application/xml")) {
                    throw new Violation("the " + PART + " part must be text/xml, was " + type);
                }
                xmlParts.add(new String(part.substring(headersEnd + 4).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            } else {
                String name = partName(headers);
                String fileName = fileName(headers);
                if (name == null || name.isEmpty() || !name.equals(fileName)) {
                    throw new Violation("a media part is named by its file name (name and filename alike), was name=" + name
                            + " filename=" + fileName);
                }
                String type = header(headers, "Content-Type").orElse("");
                if (!type.matches("(?i)(image|audio|video)/[a-z0-9.+-]+")) throw new Violation("media part " + name + " has no media type: " + type);
                if (files.put(name, part.substring(headersEnd + 4).getBytes(StandardCharsets.ISO_8859_1)) != null) {
                    throw new Violation("media part " + name + " is sent twice");
                }
            }
            at = next;
        }
        if (xmlParts.size() != 1) throw new Violation("a submission holds exactly one " + PART + " part, this one " + xmlParts.size());
        return new Submission(xmlParts.get(0), files);
    }

    /** Every media file is one the instance names: an element whose text is the file name. */
    static void checkMedia(Instance instance, Map<String, byte[]> files) throws Violation {
        Element root = parse(instance.xml()).getDocumentElement();
        for (String name : files.keySet()) {
            if (!names(root, name)) throw new Violation("media part " + name + " is named by no question of the instance");
        }
    }

    private static boolean names(Element element, String file) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (e.getTextContent().strip().equals(file) || names(e, file))) return true;
        }
        return false;
    }

    /** The instance in {@code xml}, checked for shape; whether its form and deprecatedID exist is the server's to check. */
    static Instance instance(String xml) throws Violation {
        Element root = parse(xml).getDocumentElement();
        String formId = root.getAttribute("id");
        if (formId.isEmpty()) throw new Violation("the instance's root element has no id attribute");
        Element meta = child(root, "meta").orElseThrow(() -> new Violation("the instance has no meta element"));
        String instanceId = child(meta, "instanceID").map(e -> e.getTextContent().strip())
                .orElseThrow(() -> new Violation("the instance has no meta/instanceID"));
        if (!UUID_ID.matcher(instanceId).matches()) throw new Violation("instanceID must be uuid: and an RFC 4122 uuid, was " + instanceId);
        String deprecatedId = child(meta, "deprecatedID").map(e -> e.getTextContent().strip()).orElse(null);
        if (deprecatedId != null && !UUID_ID.matcher(deprecatedId).matches()) {
            throw new Violation("deprecatedID must be uuid: and an RFC 4122 uuid, was " + deprecatedId);
        }
        if (instanceId.equals(deprecatedId)) throw new Violation("an instance cannot replace itself: " + instanceId);
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || "meta".equals(e.getLocalName())) continue;
            if (hasElements(e)) {
                // a repeat's row: the repeat's element again for each row, the row's answers inside
                Map<String, String> row = new LinkedHashMap<>();
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element child && row.put(child.getLocalName(), child.getTextContent()) != null) {
                        throw new Violation("field " + e.getLocalName() + "/" + child.getLocalName() + " appears twice in a row");
                    }
                }
                rows.computeIfAbsent(e.getLocalName(), k -> new ArrayList<>()).add(row);
            } else if (fields.put(e.getLocalName(), e.getTextContent()) != null) {
                throw new Violation("field " + e.getLocalName() + " appears twice");
            }
        }
        for (String repeat : rows.keySet()) {
            if (fields.containsKey(repeat)) throw new Violation("field " + repeat + " is both a value and a repeat");
        }
        String version = root.hasAttribute("version") ? root.getAttribute("version") : null;
        return new Instance(formId, version, instanceId, deprecatedId, fields, rows, xml);
    }

    private static boolean hasElements(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) return true;
        }
        return false;
    }

    private static Optional<Element> child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) return Optional.of(e);
        }
        return Optional.empty();
    }

    private static String partName(String headers) {
        return header(headers, "Content-Disposition").map(PART_NAME::matcher).filter(Matcher::find).map(m -> m.group(1)).orElse(null);
    }

    private static String fileName(String headers) {
        return header(headers, "Content-Disposition").map(FILE_NAME::matcher).filter(Matcher::find).map(m -> m.group(1)).orElse(null);
    }

    private static Optional<String> header(String headers, String name) {
        return headers.lines().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(l -> l.substring(name.length() + 1).strip()).findFirst();
    }

    private static org.w3c.dom.Document parse(String xml) throws Violation {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new Violation("the instance is not well-formed XML: " + e.getMessage());
        }
    }
}
