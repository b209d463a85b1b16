package org.lankit.sync.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** An entry's answer as an expression sees it, and a worked-out value as an answer holds it. */
public final class AnswerValues {

    private AnswerValues() {
    }

    /** No answer is ""; a select_multiple's names are joined by one space; a row object has no value of its own. */
    public static Value of(JsonNode answer) {
        if (answer == null || answer.isNull() || answer.isMissingNode()) return Value.EMPTY;
        if (answer.isTextual()) return Value.of(answer.asText());
        if (answer.isNumber()) return Value.of(answer.doubleValue());
        if (answer.isBoolean()) return Value.of(answer.booleanValue());
        if (answer.isArray()) {
            StringBuilder names = new StringBuilder();
            for (JsonNode name : answer) {
                if (!names.isEmpty()) names.append(' ');
                names.append(name.asText());
            }
            return Value.of(names.toString());
        }
        return Value.EMPTY;
    }

    /** A calculate's value for the entry: whole numbers without ".0", NaN and infinities as no answer (""), a list as its first member. */
    public static JsonNode toJson(Value value) {
        if (value instanceof Value.Bool b) return BooleanNode.valueOf(b.bool());
        if (value instanceof Value.Num n) return number(n.number());
        if (value instanceof Value.Many m) return m.members().isEmpty() ? TextNode.valueOf("") : toJson(m.members().get(0));
        return TextNode.valueOf(value.asText());
    }

    private static JsonNode number(double n) {
        if (Double.isNaN(n) || Double.isInfinite(n)) return TextNode.valueOf("");
        if (n == Math.rint(n) && Math.abs(n) < 1e15) return LongNode.valueOf((long) n);
        return DoubleNode.valueOf(n);
    }
}
