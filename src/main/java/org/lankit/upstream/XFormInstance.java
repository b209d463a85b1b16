package org.lankit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Function;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;

/**
 * One entry revision as an OpenRosa XForm instance: {@code <data id="FORM" version="V">}, one
 * element per field (a repeat's element once per row, holding the row's answers), and {@code <meta>} with the instanceID (and the deprecatedID of the revision
 * it replaces on the server). Everything but the form's version is fixed when the batch is
 * prepared; the version is the server's, known only when sending (see {@link #document}).
 *
 * @param uuid         the entry
 * @param seq          the master's revision of it
 * @param serverFormId the form's id on the server
 * @param instanceId   {@code uuid:…}, the same for every try of this revision ({@link #instanceIdOf})
 * @param deprecatedId the instanceID of the revision this one replaces on the server, null for a first revision
 * @param children     the {@code data} element's content: the fields and {@code meta}, as XML
 * @param attachments  the photos the instance names, sent beside it as parts named by their file
 *                     names (a batch prepared before photos were sent has none)
 */
record XFormInstance(String uuid, long seq, String serverFormId, String instanceId, String deprecatedId, String children,
                     List<String> attachments) {

    XFormInstance {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The root element's name, as ODK tools name it; servers match a submission to its form by {@code id}, not by this. */
    static final String ROOT = "data";

    /**
     * The instanceID of one revision of an entry: a name-based (version 3) UUID of the entry's uuid
     * and seq. A try after a lost answer therefore carries the same instanceID, and the server
     * answers "duplicate" instead of storing a second submission.
     */
    static String instanceIdOf(String uuid, long seq) {
        return "uuid:" + UUID.nameUUIDFromBytes(("lankit:" + uuid + "@" + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** Why {@code entry} cannot be an instance (a field id that is no XML element name), or empty. */
    static Optional<String> problem(Entry entry) {
        for (Map.Entry<String, FieldValue> f : entry.fields().entrySet()) {
            String field = f.getKey();
            if (!Xml.isElementName(field) || field.equals("meta")) return Optional.of(notAName(field));
            if (!isRows(f.getValue().value())) continue;
            for (JsonNode row : f.getValue().value()) {
                for (var child = row.fieldNames(); child.hasNext(); ) {
                    String name = child.next();
                    if (!Xml.isElementName(name)) return Optional.of(notAName(field + "/" + name));
                }
            }
        }
        return Optional.empty();
    }

    private static String notAName(String field) {
        return "field \"" + field + "\" cannot be sent to an OpenRosa server: its id is not a valid XForm field name";
    }

    /**
     * The instance of {@code out}'s entry, with the photos it names, laid out as {@code form} (the
     * version it was typed on) lays out its questions: a group's answers inside the group's element,
     * as the server's copy of the form expects them; answers the form does not know (and every answer
     * when the form is unknown) follow at the top. Call only when {@link #problem} found none.
     */
    static XFormInstance of(Outgoing out, String serverFormId, List<String> attachments, Optional<Form> form) {
        Entry entry = out.entry();
        String instanceId = instanceIdOf(entry.uuid(), entry.seq());
        String deprecatedId = out.previous() == null ? null : out.previous().ref();
        StringBuilder xml = new StringBuilder(256);
        Set<String> written = new HashSet<>();
        form.ifPresent(f -> fields(xml, f.fields(), name -> {
            FieldValue v = entry.fields().get(name);
            if (v != null) written.add(name);
            return v == null ? null : v.value();
        }));
        for (Map.Entry<String, FieldValue> f : entry.fields().entrySet()) {
            if (!written.contains(f.getKey())) answer(xml, f.getKey(), f.getValue().value(), null);
        }
        xml.append("<meta><instanceID>").append(Xml.escape(instanceId)).append("</instanceID>");
        if (deprecatedId != null) xml.append("<deprecatedID>").append(Xml.escape(deprecatedId)).append("</deprecatedID>");
        xml.append("</meta>");
        return new XFormInstance(entry.uuid(), entry.seq(), serverFormId, instanceId, deprecatedId, xml.toString(), attachments);
    }

    /** The answers of {@code fields}, read with {@code answers}, as elements; groups as elements holding theirs. */
    private static void fields(StringBuilder xml, List<FormField> fields, Function<String, JsonNode> answers) {
        for (FormField f : fields) {
            switch (f.type()) {
                case GROUP -> {
                    xml.append('<').append(f.name()).append('>');
                    fields(xml, f.fields(), answers);
                    xml.append("</").append(f.name()).append('>');
                }
                case TEXT, TEXTAREA, INTEGER, DECIMAL, DATE, TIME, SELECT_ONE, SELECT_MULTIPLE, BOOLEAN, CALCULATE,
                     GEOPOINT, IMAGE, REPEAT -> {
                    JsonNode value = answers.apply(f.name());
                    if (value != null) answer(xml, f.name(), value, f);
                }
                case NOTE -> {
                    // a note holds no answer: nothing to send
                }
            }
        }
    }

    /** One answer; a repeat's as XForms writes it, the repeat's element once per row with the row's answers inside. */
    private static void answer(StringBuilder xml, String name, JsonNode value, FormField repeat) {
        if (!isRows(value)) {
            element(xml, name, text(value));
            return;
        }
        for (JsonNode row : value) {
            xml.append('<').append(name).append('>');
            if (repeat != null) {
                fields(xml, repeat.fields(), row::get);
            } else {
                row.fields().forEachRemaining(child -> element(xml, child.getKey(), text(child.getValue())));
            }
            xml.append("</").append(name).append('>');
        }
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append('<').append(name);
        if (value.isEmpty()) {
            xml.append("/>");
        } else {
            xml.append('>').append(Xml.escape(value)).append("</").append(name).append('>');
        }
    }

    /** A repeat's answer: rows, each an object of the row's answers. */
    private static boolean isRows(JsonNode value) {
        if (value == null || !value.isArray() || value.isEmpty()) return false;
        for (JsonNode row : value) {
            if (!row.isObject()) return false;
        }
        return true;
    }

    /** The whole instance document for the server's current {@code version} of the form ("" for a form without one). */
    String document(String version) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + ROOT + " id=\"" + Xml.escape(serverFormId) + "\""
                + (version.isEmpty() ? "" : " version=\"" + Xml.escape(version) + "\"") + ">" + children + "</" + ROOT + ">";
    }

    /** Text as it is, numbers and booleans as written, a multiple choice space-separated (as XForms keeps it), null as nothing. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) return "";
        if (value.isArray()) {
            StringJoiner joined = new StringJoiner(" ");
            value.forEach(v -> joined.add(text(v)));
            return joined.toString();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
