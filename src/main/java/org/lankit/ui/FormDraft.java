package org.lankit.ui;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.lankit.sync.FieldType;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.sync.FormShape;

/**
 * A form as the coordinator is editing it, checked and turned into the next form version. Every
 * problem comes back as a sentence that says what to fix.
 */
record FormDraft(String formId, String title, List<Row> rows) {

    /** One question as typed: choices comma-separated, min/max as text ("" = none). */
    record Row(String name, String label, FieldType type, boolean required, String choices, String min, String max) {

        static Row of(FormField f) {
            return new Row(f.name(), f.label(), f.type(), f.required(),
                    f.options() == null ? "" : String.join(", ", f.options()),
                    f.min() == null ? "" : f.min().toPlainString(), f.max() == null ? "" : f.max().toPlainString());
        }
    }

    static FormDraft of(Form form) {
        return new FormDraft(form.id(), form.title(), form.fields().stream().map(Row::of).toList());
    }

    /**
     * The checked form as version {@code version}: what is typed in the table is read here (a
     * question text, a short name or one made from it, choices separated by commas, numbers), the
     * rest every form must meet is {@link FormShape}'s.
     *
     * @throws IllegalArgumentException saying what to fix
     */
    Form toForm(int version) {
        String cleanTitle = title == null ? "" : title.strip();
        List<FormField> fields = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String where = Text.get("forms.draft.question", i + 1);
            String label = r.label() == null ? "" : r.label().strip();
            if (label.isEmpty()) throw new IllegalArgumentException(Text.get("forms.draft.noText", where));
            String name = r.name() == null || r.name().isBlank() ? slug(label) : r.name().strip();
            if (!name.matches("[a-z][a-z0-9_]{0,39}")) {
                throw new IllegalArgumentException(Text.get("forms.draft.badName", where));
            }
            if (r.type() == null) throw new IllegalArgumentException(Text.get("forms.draft.noType", where));
            fields.add(new FormField(name, label, r.type(), r.required(), choices(r, where),
                    number(r.min(), r.type(), where, false), number(r.max(), r.type(), where, true)));
        }
        Form form = new Form(formId == null || formId.isBlank() ? slug(cleanTitle) : formId, version, cleanTitle, fields);
        FormShape.problem(form).ifPresent(p -> {
            throw new IllegalArgumentException(p.topIndex() < 0 ? p.words()
                    : Text.get("forms.draft.problem", Text.get("forms.draft.question", p.topIndex() + 1), p.words()));
        });
        return form;
    }

    private static List<String> choices(Row r, String where) {
        boolean select = r.type() == FieldType.SELECT_ONE || r.type() == FieldType.SELECT_MULTIPLE;
        List<String> list = r.choices() == null ? List.of()
                : Arrays.stream(r.choices().split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (!select) return null;
        if (list.isEmpty()) throw new IllegalArgumentException(Text.get("forms.draft.noChoices", where));
        return list;
    }

    /** {@code highest}: the value is the question's highest, else its lowest. */
    private static BigDecimal number(String text, FieldType type, String where, boolean highest) {
        if (text == null || text.isBlank()) return null;
        if (type != FieldType.INTEGER && type != FieldType.DECIMAL) {
            throw new IllegalArgumentException(Text.get(highest ? "forms.draft.highestNotNumberQuestion"
                    : "forms.draft.lowestNotNumberQuestion", where));
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Text.get(highest ? "forms.draft.highestNotNumber" : "forms.draft.lowestNotNumber", where));
        }
    }

    /** The types a question typed in the panel can have; the others come with XLSForms (forms.md). */
    static FieldType[] panelTypes() {
        return Arrays.stream(FieldType.values()).filter(FormDraft::typedInPanel).toArray(FieldType[]::new);
    }

    private static boolean typedInPanel(FieldType type) {
        return switch (type) {
            case TEXT, TEXTAREA, INTEGER, DECIMAL, DATE, TIME, SELECT_ONE, SELECT_MULTIPLE, BOOLEAN -> true;
            case NOTE, CALCULATE, GEOPOINT, IMAGE, GROUP, REPEAT -> false;
        };
    }

    /** "Water source?" → "water_source": a short name made from words. */
    static String slug(String words) {
        String ascii = Normalizer.normalize(words, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) s = "q_" + s;
        return s.length() > 40 ? s.substring(0, 40).replaceAll("_+$", "") : s;
    }
}
