package org.lankit.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One choice of a select question: its {@code name} is what the answer holds, {@code label} what
 * people read (in the form's default language; {@code labels} by language). {@code columns} are
 * the choices sheet's other columns, which a {@code choice_filter} reads by their bare names.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Choice(String name, String label, Map<String, String> labels, Map<String, String> columns) {

    public Choice {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        columns = columns == null ? Map.of() : Map.copyOf(columns);
    }

    /** A choice whose label is its name, as the panel's "choices, separated by commas" makes them. */
    public static Choice plain(String name) {
        return new Choice(name, name, null, null);
    }
}
