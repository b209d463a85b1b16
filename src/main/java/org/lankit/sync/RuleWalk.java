package org.lankit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lankit.sync.expr.AnswerValues;
import org.lankit.sync.expr.Value;

/**
 * One evaluation of a form's rules over an entry's answers, in two passes as protocol.md says:
 * every calculate in form order, then relevance, choices and problems. Either it records
 * everything (devices drawing a form) or it stops at the first problem (the master's check).
 */
final class RuleWalk {

    private final RuleValues values;
    private final boolean firstOnly;
    private final Map<String, Boolean> relevant = new LinkedHashMap<>();
    private final Map<String, JsonNode> calculated = new LinkedHashMap<>();
    private final Map<String, List<String>> choices = new LinkedHashMap<>();
    private final List<RuleProblem> problems = new ArrayList<>();

    private RuleWalk(RuleValues values, boolean firstOnly) {
        this.values = values;
        this.firstOnly = firstOnly;
    }

    static RuleResult everything(FormRules rules, Map<String, JsonNode> answers, RuleContext context) {
        RuleWalk walk = new RuleWalk(new RuleValues(rules, answers, context), false);
        walk.calculate(rules.fields(), null, 0, "");
        walk.check(rules.fields(), true, null, null, 0, "");
        return new RuleResult(walk.relevant, walk.calculated, walk.choices, walk.problems);
    }

    static RuleProblem firstProblem(FormRules rules, Map<String, JsonNode> answers, RuleContext context) {
        RuleWalk walk = new RuleWalk(new RuleValues(rules, answers, context), true);
        if (rules.hasCalculations()) walk.calculate(rules.fields(), null, 0, "");
        walk.check(rules.fields(), true, null, null, 0, "");
        return walk.problems.isEmpty() ? null : walk.problems.get(0);
    }

    private void calculate(List<RuleField> fields, String repeat, int row, String prefix) {
        for (RuleField f : fields) {
            switch (f.type()) {
                case GROUP -> calculate(f.children(), repeat, row, prefix);
                case REPEAT -> {
                    for (int i = 0; i < values.rowCount(f.name()); i++) calculate(f.children(), f.name(), i, f.name() + "[" + i + "].");
                }
                case CALCULATE -> {
                    Value v = f.calculation() == null ? Value.EMPTY
                            : f.calculation().evaluate(scope(repeat, row, f, null));
                    values.calculated(repeat, row, f.name(), v);
                    if (!firstOnly) calculated.put(prefix + f.name(), AnswerValues.toJson(v));
                }
                case TEXT, TEXTAREA, INTEGER, DECIMAL, DATE, TIME, SELECT_ONE, SELECT_MULTIPLE, BOOLEAN, NOTE,
                     GEOPOINT, IMAGE -> { }
            }
        }
    }

    /** Returns false once it has found a problem and needs only the first. */
    private boolean check(List<RuleField> fields, boolean shown, RuleField repeat, String repeatName, int row, String prefix) {
        for (RuleField f : fields) {
            String path = prefix + f.name();
            boolean isShown = shown && (f.relevant() == null
                    || f.relevant().evaluate(scope(repeatName, row, f, null)).asBoolean());
            if (!firstOnly) relevant.put(path, isShown);
            boolean goOn = switch (f.type()) {
                case GROUP -> check(f.children(), isShown, repeat, repeatName, row, prefix);
                case REPEAT -> checkRows(f, isShown);
                case CALCULATE, NOTE -> true;
                case SELECT_ONE, SELECT_MULTIPLE -> checkSelect(f, isShown, repeat, repeatName, row, path);
                case TEXT, TEXTAREA, INTEGER, DECIMAL, DATE, TIME, BOOLEAN, GEOPOINT, IMAGE ->
                        !isShown || checkAnswer(f, values.answer(repeatName, row, f.name()), null, repeat, repeatName, row, path);
            };
            if (!goOn) return false;
        }
        return true;
    }

    private boolean checkRows(RuleField repeat, boolean shown) {
        JsonNode value = values.answer(null, 0, repeat.name());
        if (shown) {
            String problem = null;
            if (EntryValidator.isEmpty(value)) {
                if (repeat.field().required()) problem = required(repeat);
            } else {
                String shape = EntryValidator.rowsShapeProblem(repeat.field(), value);
                if (shape != null) problem = repeat.label() + " " + shape;
            }
            if (problem != null && !found(new RuleProblem(repeat.name(), problem, null, 0))) return false;
        }
        for (int i = 0; i < values.rowCount(repeat.name()); i++) {
            if (!check(repeat.children(), shown, repeat, repeat.name(), i, repeat.name() + "[" + i + "].")) return false;
        }
        return true;
    }

    private boolean checkSelect(RuleField f, boolean shown, RuleField repeat, String repeatName, int row, String path) {
        JsonNode value = values.answer(repeatName, row, f.name());
        boolean needed = !firstOnly || shown && !EntryValidator.isEmpty(value);
        List<String> offered = f.choiceFilter() != null && needed ? offered(f, repeatName, row) : null;
        if (offered != null && !firstOnly) choices.put(path, offered);
        return !shown || checkAnswer(f, value, offered, repeat, repeatName, row, path);
    }

    private List<String> offered(RuleField f, String repeatName, int row) {
        List<String> out = new ArrayList<>();
        List<Choice> all = f.field().choices() == null ? List.of() : f.field().choices();
        for (Choice c : all) {
            if (f.choiceFilter().evaluate(scope(repeatName, row, f, c)).asBoolean()) out.add(c.name());
        }
        return out;
    }

    /** Required, then shape, then offered choices, then the constraint: the first that fails is the question's problem. */
    private boolean checkAnswer(RuleField f, JsonNode value, List<String> offered, RuleField repeat, String repeatName, int row, String path) {
        String problem;
        if (EntryValidator.isEmpty(value)) {
            problem = f.field().required() ? required(f) : null;
        } else {
            String shape = EntryValidator.valueProblem(f.field(), value);
            if (shape != null) problem = f.label() + " " + shape;
            else if (offered != null && !allOffered(value, offered)) problem = f.label() + " must be one of the offered choices";
            else if (f.constraint() != null && !f.constraint().evaluate(scope(repeatName, row, f, null)).asBoolean()) problem = constraintMessage(f);
            else problem = null;
        }
        if (problem == null) return true;
        return found(new RuleProblem(path, problem, repeat == null ? null : repeat.label(), row));
    }

    private boolean found(RuleProblem problem) {
        problems.add(problem);
        return !firstOnly;
    }

    private static boolean allOffered(JsonNode value, List<String> offered) {
        if (value.isArray()) {
            for (JsonNode name : value) if (!offered.contains(name.asText())) return false;
            return true;
        }
        return offered.contains(value.asText());
    }

    private static String required(RuleField f) {
        String message = f.field().requiredMessage();
        return message == null || message.isBlank() ? f.label() + " is required" : f.label() + ": " + message.strip();
    }

    private static String constraintMessage(RuleField f) {
        String message = f.field().constraintMessage();
        return f.label() + ": " + (message == null || message.isBlank() ? "this answer is not allowed" : message.strip());
    }

    private RuleScope scope(String repeatName, int row, RuleField f, Choice choice) {
        return new RuleScope(values, repeatName, row, AnswerValues.of(values.answer(repeatName, row, f.name())), choice);
    }
}
