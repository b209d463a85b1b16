package org.lankit.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.StringJoiner;
import org.lankit.sync.FormField;

/** Field values as the coordinator reads and types them, and back to the values entries hold. */
final class FieldText {

    private FieldText() {
    }

    /** A value in plain words: lists joined by commas, a repeat's rows as "name: value" lines, yes/no for booleans, "" for no answer. */
    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) return "";
        if (value.isBoolean()) return value.asBoolean() ? "yes" : "no";
        if (value.isArray()) {
            // a repeat's rows apart by " | ", a multiple choice's choices by ", "
            boolean rows = value.size() > 0 && value.get(0).isObject();
            StringJoiner joined = new StringJoiner(rows ? " | " : ", ");
            value.forEach(v -> joined.add(text(v)));
            return joined.toString();
        }
        if (value.isObject()) {
            StringJoiner row = new StringJoiner("; ");
            value.fields().forEachRemaining(f -> row.add(f.getKey() + ": " + text(f.getValue())));
            return row.toString();
        }
        if (value.isNumber()) return value.decimalValue().stripTrailingZeros().toPlainString();
        return value.asText();
    }

    /**
     * What the coordinator typed, as the value the field's type needs ("" = no answer). The form's
     * own rules (range, options, dates) are checked by the master when the edit is saved.
     *
     * @throws IllegalArgumentException with a sentence naming the field, when the text cannot be that type
     */
    static JsonNode parse(FormField field, String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) return NullNode.getInstance();
        return switch (field.type()) {
            case INTEGER -> wholeNumber(field, text);
            case DECIMAL -> number(field, text);
            case BOOLEAN -> yesOrNo(field, text);
            case SELECT_MULTIPLE -> {
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(list::add);
                yield list;
            }
            case TEXT, TEXTAREA, DATE, TIME, SELECT_ONE, CALCULATE, GEOPOINT, IMAGE -> TextNode.valueOf(text);
            case NOTE, GROUP, REPEAT -> throw new IllegalArgumentException(Text.get("form.problem.notTyped", field.label()));
        };
    }

    private static JsonNode wholeNumber(FormField field, String text) {
        try {
            return LongNode.valueOf(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Text.get("form.problem.wholeNumber", field.label()));
        }
    }

    private static JsonNode number(FormField field, String text) {
        try {
            return DecimalNode.valueOf(new BigDecimal(text.replace(',', '.')));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Text.get("form.problem.number", field.label()));
        }
    }

    private static JsonNode yesOrNo(FormField field, String text) {
        String yesNo = text.toLowerCase(Locale.ROOT);
        if (yesNo.equals("yes") || yesNo.equals("true")) return BooleanNode.TRUE;
        if (yesNo.equals("no") || yesNo.equals("false")) return BooleanNode.FALSE;
        throw new IllegalArgumentException(Text.get("form.problem.yesNo", field.label()));
    }

    /** Whether two values of one field say the same thing (4 and 4.0 are the same number). */
    static boolean same(JsonNode a, JsonNode b) {
        return text(a).equals(text(b));
    }
}
