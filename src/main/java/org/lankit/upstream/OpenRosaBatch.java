package org.lankit.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the OpenRosa target prepared for a batch, kept as the batch's body (JSON) so every try
 * sends the same instances: the instances to submit, the deleted entries that are not sent, and
 * the entries that cannot be sent at all.
 *
 * @param instances one per entry revision to submit, in order
 * @param kept      deleted entries: OpenRosa has no delete, so the server keeps what it has
 * @param refused   entries no OpenRosa server could take, with the reason
 */
record OpenRosaBatch(List<XFormInstance> instances, List<Kept> kept, List<Refused> refused) {

    /** A deleted entry, delivered without a request; {@code ref} is the instance the server keeps (null: none). */
    record Kept(String uuid, long seq, String ref) {
    }

    record Refused(String uuid, long seq, String reason) {
    }

    /** Our own body, not a device's input: Jackson's defaults, without the kit's tight string limit (an escaped 256 KB entry may pass 1 MB). */
    private static final ObjectMapper JSON = new ObjectMapper();

    OpenRosaBatch {
        instances = List.copyOf(instances);
        kept = List.copyOf(kept);
        refused = List.copyOf(refused);
    }

    static OpenRosaBatch of(List<Outgoing> entries, TargetSettings settings, AttachmentFiles photos, FormVersions versions) {
        List<XFormInstance> instances = new ArrayList<>();
        List<Kept> kept = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (Outgoing out : entries) {
            var entry = out.entry();
            if (entry.isDeleted()) {
                kept.add(new Kept(entry.uuid(), entry.seq(), out.previous() == null ? null : out.previous().ref()));
                continue;
            }
            var problem = XFormInstance.problem(entry);
            if (problem.isPresent()) {
                refused.add(new Refused(entry.uuid(), entry.seq(), problem.get()));
            } else {
                instances.add(XFormInstance.of(out, settings.serverFormId(entry.formId()), photos.namedBy(entry),
                        versions.version(entry.formId(), entry.formVersion())));
            }
        }
        return new OpenRosaBatch(instances, kept, refused);
    }

    /** The server's form ids these instances go to. */
    Set<String> serverFormIds() {
        Set<String> ids = new LinkedHashSet<>();
        instances.forEach(i -> ids.add(i.serverFormId()));
        return ids;
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpenRosaBatch fromJson(String body) {
        try {
            return JSON.readValue(body, OpenRosaBatch.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
