package org.lankit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link FormRules#evaluate} worked out for one entry's answers, by path ("age",
 * "members[0].age", a group's name): which questions are shown, every calculate's value, the
 * choices a filtered select offers, and the problems in form order. Immutable.
 */
public final class RuleResult {

    private final Map<String, Boolean> relevant;
    private final Map<String, JsonNode> calculated;
    private final Map<String, List<String>> choices;
    private final Map<String, String> problems;
    private final List<RuleProblem> problemList;

    RuleResult(Map<String, Boolean> relevant, Map<String, JsonNode> calculated, Map<String, List<String>> choices,
               List<RuleProblem> problems) {
        this.relevant = Map.copyOf(relevant);
        this.calculated = Collections.unmodifiableMap(new LinkedHashMap<>(calculated));
        this.choices = Map.copyOf(choices);
        Map<String, String> byPath = new LinkedHashMap<>();
        problems.forEach(p -> byPath.put(p.path(), p.message()));
        this.problems = Collections.unmodifiableMap(byPath);
        this.problemList = List.copyOf(problems);
    }

    /** Whether the question (or group, or repeat) at {@code path} is shown; true for a path the form does not know. */
    public boolean relevant(String path) {
        return relevant.getOrDefault(path, true);
    }

    /** A calculate's value ("" for NaN or no value). */
    public Optional<JsonNode> calculated(String path) {
        return Optional.ofNullable(calculated.get(path));
    }

    /** Every calculate's value, in form order. */
    public Map<String, JsonNode> calculated() {
        return calculated;
    }

    /** The choice names a select question with a choice_filter offers; empty when it has no filter (every choice). */
    public Optional<List<String>> choices(String path) {
        return Optional.ofNullable(choices.get(path));
    }

    /** Path → the sentence to show next to the question, in form order (rows in order). */
    public Map<String, String> problems() {
        return problems;
    }

    /** The problems with the repeat and row they are in. */
    public List<RuleProblem> problemList() {
        return problemList;
    }

    /**
     * The answers to save: a hidden question's answer set to null at the top of the entry and left
     * out of a row; everything else as it is ({@code answers} is not changed).
     */
    public Map<String, JsonNode> withoutHidden(Map<String, JsonNode> answers) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> a : answers.entrySet()) {
            String name = a.getKey();
            JsonNode value = a.getValue();
            if (!relevant(name)) out.put(name, NullNode.getInstance());
            else if (value != null && value.isArray() && value.size() > 0 && value.get(0).isObject()) out.put(name, shownRows(name, (ArrayNode) value));
            else out.put(name, value);
        }
        return out;
    }

    private JsonNode shownRows(String repeat, ArrayNode rows) {
        ArrayNode out = rows.arrayNode();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            if (!row.isObject()) {
                out.add(row);
                continue;
            }
            ObjectNode kept = ((ObjectNode) row).deepCopy();
            String prefix = repeat + "[" + i + "].";
            row.fieldNames().forEachRemaining(child -> {
                if (!relevant(prefix + child)) kept.remove(child);
            });
            out.add(kept);
        }
        return out;
    }
}
