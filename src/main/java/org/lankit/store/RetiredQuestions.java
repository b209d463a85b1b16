package org.lankit.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;

/** The questions earlier versions of a form asked and a later one no longer does. */
final class RetiredQuestions {

    private RetiredQuestions() {
    }

    /**
     * {@code form} with every answer field of its earlier versions that it lacks added at the end,
     * as the newest earlier version defined it but optional and without expressions: its answers
     * are still checked for shape, never asked for. {@code form} itself when nothing was dropped.
     */
    static Form kept(Form form, List<Form> allVersions) {
        Map<String, FormField> retired = new LinkedHashMap<>();
        for (Form earlier : allVersions) {
            if (!earlier.id().equals(form.id()) || earlier.version() >= form.version()) continue;
            for (FormField f : earlier.answerFields()) {
                if (form.field(f.name()).isEmpty()) retired.put(f.name(), optional(f));
            }
        }
        if (retired.isEmpty()) return form;
        List<FormField> fields = new ArrayList<>(form.fields());
        fields.addAll(retired.values());
        return new Form(form.id(), form.version(), form.title(), fields, form.languages(), form.defaultLanguage(), form.source());
    }

    private static FormField optional(FormField f) {
        List<FormField> children = f.fields().stream().map(RetiredQuestions::optional).toList();
        return new FormField(f.name(), f.label(), f.type(), false, f.options(), f.min(), f.max(), f.hint(), null, null,
                null, null, null, null, null, f.appearance(), f.choices(), children, f.translations());
    }
}
