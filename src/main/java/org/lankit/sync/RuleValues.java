package org.lankit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lankit.sync.expr.AnswerValues;
import org.lankit.sync.expr.Value;

/**
 * The values one evaluation works with: the entry's answers and the calculates worked out so far
 * (top-level by name, a repeat's by row). A calculate not worked out yet is "".
 */
final class RuleValues {

    private final FormRules rules;
    private final Map<String, JsonNode> answers;
    private final RuleContext context;
    // made on the first calculate: most forms have none
    private Map<String, Value> calculated;
    private Map<String, List<Map<String, Value>>> rowCalculated;

    RuleValues(FormRules rules, Map<String, JsonNode> answers, RuleContext context) {
        this.rules = rules;
        this.answers = answers;
        this.context = context;
    }

    RuleContext context() {
        return context;
    }

    /** The answer {@code name} at the top of the entry, or in row {@code row} of {@code repeat} (null: top). */
    JsonNode answer(String repeat, int row, String name) {
        if (repeat == null) return answers.get(name);
        JsonNode rows = answers.get(repeat);
        JsonNode r = rows == null || !rows.isArray() ? null : rows.get(row);
        return r != null && r.isObject() ? r.get(name) : null;
    }

    /** A repeat's rows (none when it has no answer or a malformed one). */
    int rowCount(String repeat) {
        JsonNode value = answers.get(repeat);
        return value != null && value.isArray() ? value.size() : 0;
    }

    /** What {@code ${name}} means at the top of the entry (repeat null) or in a row. */
    Value value(String repeat, int row, String name) {
        if (rules.isCalculate(name)) {
            Value v = calculated == null ? null : repeat == null ? calculated.get(name) : rowCalculated(repeat, row).get(name);
            return v == null ? Value.EMPTY : v;
        }
        return AnswerValues.of(answer(repeat, row, name));
    }

    void calculated(String repeat, int row, String name, Value value) {
        if (calculated == null) {
            calculated = new HashMap<>();
            rowCalculated = new HashMap<>();
        }
        if (repeat == null) calculated.put(name, value);
        else rowCalculated(repeat, row).put(name, value);
    }

    private Map<String, Value> rowCalculated(String repeat, int row) {
        List<Map<String, Value>> rows = rowCalculated.computeIfAbsent(repeat, r -> new ArrayList<>());
        while (rows.size() <= row) rows.add(new HashMap<>());
        return rows.get(row);
    }

    FormRules rules() {
        return rules;
    }
}
