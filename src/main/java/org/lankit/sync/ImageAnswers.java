package org.lankit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The photos an entry names: every image answer, at the top of the entry and in each repeat's
 * rows, in form order. Answers that are not attachment names are left out (the validator refuses
 * them). What the master checks before it takes an entry and what it sends to the team's servers.
 */
public final class ImageAnswers {

    /**
     * One image answer.
     *
     * @param field    the entry's field that holds it (the repeat, for a photo in a row)
     * @param question the image question, whose label names it to people
     * @param name     the attachment's name
     */
    public record ImageAnswer(String field, FormField question, String name) {
    }

    private ImageAnswers() {
    }

    public static List<ImageAnswer> of(Map<String, FieldValue> fields, Form form) {
        List<ImageAnswer> out = new ArrayList<>();
        for (FormField f : form.answerFields()) {
            FieldValue value = fields.get(f.name());
            if (value != null) collect(f.name(), f, value.value(), out);
        }
        return out;
    }

    /** The names alone, each once, in form order. */
    public static List<String> names(Map<String, FieldValue> fields, Form form) {
        return of(fields, form).stream().map(ImageAnswer::name).distinct().toList();
    }

    private static void collect(String field, FormField question, JsonNode value, List<ImageAnswer> out) {
        switch (question.type()) {
            case IMAGE -> {
                if (value.isTextual() && AttachmentName.isValid(value.asText())) out.add(new ImageAnswer(field, question, value.asText()));
            }
            case REPEAT -> {
                if (!value.isArray()) return;
                List<FormField> children = Form.answerFields(question);
                for (JsonNode row : value) {
                    for (FormField child : children) {
                        JsonNode answer = row.get(child.name());
                        if (answer != null) collect(field, child, answer, out);
                    }
                }
            }
            case TEXT, TEXTAREA, INTEGER, DECIMAL, DATE, TIME, SELECT_ONE, SELECT_MULTIPLE, BOOLEAN,
                 NOTE, CALCULATE, GEOPOINT, GROUP -> {
                // no photo in these
            }
        }
    }
}
