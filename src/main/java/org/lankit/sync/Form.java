package org.lankit.sync;

import java.util.List;
import java.util.Optional;

/** A form version: what devices render and what the master checks entries against. */
public record Form(String id, int version, String title, List<FormField> fields) {

    public Form {
        fields = List.copyOf(fields);
    }

    public Optional<FormField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
