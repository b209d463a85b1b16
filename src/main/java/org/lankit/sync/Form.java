package org.lankit.sync;

import java.util.List;
import java.util.Optional;

/** A form version: what devices render and what the master checks entries against. */
public record Form(String id, int version, String title, List<FormField> fields) {

    public Form {
        fields = List.copyOf(fields);
    }

    public Optional<FormField> field(String name) {
        return Optional.ofNullable(fieldOrNull(name));
    }

    /** As {@link #field}, for the master's check of every pushed value: a plain loop, nothing allocated. */
    FormField fieldOrNull(String name) {
        for (FormField f : fields) {
            if (f.name().equals(name)) return f;
        }
        return null;
    }
}
