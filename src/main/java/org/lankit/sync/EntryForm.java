package org.lankit.sync;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;

/**
 * The two JSON forms of an {@link Entry} (protocol.md). {@link #V2}, the compact form, is what the
 * kit stores and what {@link Json#MAPPER} writes; {@link #V1} (a {@code {value, hlc, by, base}}
 * object per field) is written only for readers that have not asked for v2: older phone apps and
 * laptops, and the team's API. Both are read wherever an entry is read.
 */
public enum EntryForm {
    V1, V2;

    private static final String ATTRIBUTE = EntryForm.class.getName();
    private static final ObjectWriter V1_WRITER = Json.MAPPER.writer().withAttribute(ATTRIBUTE, V1);

    /** Writes values (entries anywhere inside them) in this form. */
    public ObjectWriter writer() {
        return switch (this) {
            case V1 -> V1_WRITER;
            case V2 -> Json.MAPPER.writer();
        };
    }

    /** The form the writer at hand was asked for; v2 unless it said v1. */
    static EntryForm of(SerializerProvider provider) {
        return provider.getAttribute(ATTRIBUTE) == V1 ? V1 : V2;
    }
}
