package org.lankit.sync.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The scope one case of expressions.json describes: answers, repeats' field names, a row, '.', a choice, the day. */
final class VectorScope implements Scope {

    private final JsonNode answers;
    private final JsonNode repeats;
    private final JsonNode row;
    private final JsonNode current;
    private final JsonNode choice;
    private final JsonNode context;

    VectorScope(JsonNode testCase, JsonNode defaultContext) {
        answers = testCase.path("answers");
        repeats = testCase.path("repeats");
        row = testCase.path("row");
        current = testCase.path("current");
        choice = testCase.path("choice");
        context = testCase.has("context") ? testCase.path("context") : defaultContext;
    }

    @Override
    public Value reference(String name) {
        if (repeats.has(name)) {
            List<Value> rows = new ArrayList<>();
            answers.path(name).forEach(r -> rows.add(Value.EMPTY));
            return new Value.Many(rows);
        }
        String repeat = repeatOf(name);
        if (repeat == null) return answer(answers.path(name));
        if (repeat.equals(row.path("repeat").asText(null))) {
            return answer(answers.path(repeat).path(row.path("index").asInt()).path(name));
        }
        List<Value> values = new ArrayList<>();
        answers.path(repeat).forEach(r -> values.add(answer(r.path(name))));
        return new Value.Many(values);
    }

    @Override
    public Value current() {
        return answer(current);
    }

    @Override
    public Value column(String name) {
        if (name.equals("name")) return Value.of(choice.path("name").asText());
        return Value.of(choice.path("columns").path(name).asText(""));
    }

    @Override
    public int position() {
        return row.has("index") ? row.path("index").asInt() + 1 : 0;
    }

    @Override
    public String today() {
        return context.path("today").asText();
    }

    @Override
    public String now() {
        return context.path("now").asText();
    }

    private String repeatOf(String name) {
        for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) repeats::fields) {
            for (JsonNode child : e.getValue()) if (child.asText().equals(name)) return e.getKey();
        }
        return null;
    }

    private static Value answer(JsonNode value) {
        return AnswerValues.of(value);
    }
}
