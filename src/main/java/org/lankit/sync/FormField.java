package org.lankit.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One question of a form (protocol.md, "Forms"). {@code min}/{@code max} bound numbers;
 * {@code choices} are a select question's choices and {@code options} their names (kept for
 * devices that read only those; either one fills the other). {@code relevant}, {@code constraint},
 * {@code calculation} and {@code choiceFilter} are expressions in the XLSForm subset
 * FormRules evaluates (protocol.md, "Form expressions"); {@code fields} are a group's or repeat's own fields;
 * {@code translations} hold the words in languages other than the default, by language name.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FormField(String name, String label, FieldType type, boolean required,
                        List<String> options, BigDecimal min, BigDecimal max,
                        String hint, String relevant, String constraint, String constraintMessage,
                        String requiredMessage, String calculation, String defaultValue, String choiceFilter,
                        String appearance, List<Choice> choices, List<FormField> fields,
                        Map<String, FieldTexts> translations) {

    public FormField {
        if (choices == null && options != null) choices = options.stream().map(Choice::plain).toList();
        if (options == null && choices != null) options = choices.stream().map(Choice::name).toList();
        options = options == null ? null : List.copyOf(options);
        choices = choices == null ? null : List.copyOf(choices);
        fields = fields == null ? List.of() : List.copyOf(fields);
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    /** A question as the panel's form editor makes them: no expressions, no translations. */
    public FormField(String name, String label, FieldType type, boolean required,
                     List<String> options, BigDecimal min, BigDecimal max) {
        this(name, label, type, required, options, min, max, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    public static FormField of(String name, String label, FieldType type, boolean required) {
        return new FormField(name, label, type, required, null, null, null);
    }

    /** The field that holds answer {@code name} among these fields (through groups, not into repeats). */
    static FormField find(List<FormField> fields, String name) {
        for (FormField f : fields) {
            if (f.type() == FieldType.GROUP) {
                FormField inside = find(f.fields(), name);
                if (inside != null) return inside;
            } else if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
