package org.lankit.upstream;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A server's OpenRosa form list ({@code GET …/formList}): each published form's id and its
 * current version ("" when the form has none), from
 * {@code <xforms xmlns="http://openrosa.org/xforms/xformsList"><xform><formID>…<version>…}.
 */
record FormList(Map<String, String> versions) {

    static final String NAMESPACE = "http://openrosa.org/xforms/xformsList";

    FormList {
        versions = Map.copyOf(versions);
    }

    /** The list in {@code body}, or empty when the body is no OpenRosa form list (another server, a login page). */
    static Optional<FormList> parse(String body) {
        if (body == null || body.isBlank()) return Optional.empty();
        Element root;
        try {
            root = Xml.parse(body).getDocumentElement();
        } catch (SAXException notXml) {
            return Optional.empty();
        }
        if (!"xforms".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) return Optional.empty();
        Map<String, String> versions = new LinkedHashMap<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element xform && "xform".equals(xform.getLocalName())) {
                String id = Xml.childText(xform, "formID");
                if (!id.isEmpty()) versions.put(id, Xml.childText(xform, "version"));
            }
        }
        return Optional.of(new FormList(versions));
    }

    Optional<String> version(String formId) {
        return Optional.ofNullable(versions.get(formId));
    }

    /** Those of {@code formIds} the server does not list, in their order. */
    List<String> missing(Collection<String> formIds) {
        return formIds.stream().distinct().filter(id -> !versions.containsKey(id)).toList();
    }
}
