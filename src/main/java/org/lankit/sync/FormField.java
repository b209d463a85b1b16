package org.lankit.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/** One question of a form. {@code min}/{@code max} bound numbers; {@code options} list the
 * allowed choices of select fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FormField(String name, String label, FieldType type, boolean required,
                        List<String> options, BigDecimal min, BigDecimal max) {

    public FormField {
        options = options == null ? null : List.copyOf(options);
    }

    public static FormField of(String name, String label, FieldType type, boolean required) {
        return new FormField(name, label, type, required, null, null, null);
    }
}
