package org.lankit.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A form version: what devices render and what the master checks entries against. {@code fields}
 * is a tree (groups and repeats hold fields); {@code languages} names the languages of the
 * fields' translations, {@code defaultLanguage} the one {@code label}s are in (null: the only
 * one); {@code source} is the XLSForm file the version was imported from (null: made in the panel).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Form(String id, int version, String title, List<FormField> fields,
                   List<String> languages, String defaultLanguage, String source) {

    public Form {
        fields = List.copyOf(fields);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    public Form(String id, int version, String title, List<FormField> fields) {
        this(id, version, title, fields, null, null, null);
    }

    /** The field holding answer {@code name} at the top of an entry (through groups, not in repeats). */
    public Optional<FormField> field(String name) {
        return Optional.ofNullable(fieldOrNull(name));
    }

    /** As {@link #field}, for the master's check of every pushed value: a plain walk, nothing allocated. */
    FormField fieldOrNull(String name) {
        return FormField.find(fields, name);
    }

    /** The fields whose answers sit at the top of an entry, in form order: groups opened, repeats
     * as one field each (their rows hold their own fields), notes and groups left out. */
    public List<FormField> answerFields() {
        List<FormField> out = new ArrayList<>();
        answerFields(fields, out);
        return out;
    }

    /** As {@link #answerFields()}, for the fields of one repeat's row. */
    public static List<FormField> answerFields(FormField repeat) {
        List<FormField> out = new ArrayList<>();
        answerFields(repeat.fields(), out);
        return out;
    }

    private static void answerFields(List<FormField> fields, List<FormField> out) {
        for (FormField f : fields) {
            if (f.type() == FieldType.GROUP) answerFields(f.fields(), out);
            else if (f.type().takesAnswer()) out.add(f);
        }
    }
}
