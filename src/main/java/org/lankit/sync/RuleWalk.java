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
    // recorded only when everything is wanted: the master's check of each push allocates none of them
    private final Map<String, Boolean> relevant;
    private final Map<String, JsonNode> calculated;
    private final Map<String, List<String>> choices;
    private final List<RuleProblem> problems = new ArrayList<>(1);

    private RuleWalk(RuleValues values, boolean firstOnly) {
        this.values = values;
        this.firstOnly = firstOnly;
        this.relevant = firstOnly ? null : new LinkedHashMap<>();
        this.calculated = firstOnly ? null : new LinkedHashMap<>();
        this.choices = firstOnly ? null : new LinkedHashMap<>();
    }

    static RuleResult everything(FormRules rules, Map<String, JsonNode> answers, RuleContext context) {
        RuleWalk walk = new RuleWalk(new RuleValues(rules, answers, context), false);
        walk.calculate(rules.fields(), null, 0);
        walk.check(rules.fields(), true, null, 0);
        return new RuleResult(walk.relevant, walk.calculated, walk.choices, walk.problems);
    }

    static RuleProblem firstProblem(FormRules rules, Map<String, JsonNode> answers, RuleContext context) {
        RuleWalk walk = new RuleWalk(new RuleValues(rules, answers, context), true);
        if (rules.hasCalculations()) walk.calculate(rules.fields(), null, 0);
        walk.check(rules.fields(), true, null, 0);
        return walk.problems.isEmpty() ? null : walk.problems.get(0);
    }

    private void calculate(List<RuleField> fields, String repeat, int row) {
        for (RuleField f : fields) {
            switch (f.type()) {
                case GROUP -> calculate(f.children(), repeat, row);
                case REPEAT -> {
                    for (int i = 0; i < values.rowCount(f.name()); i++) calculate(f.children(), f.name(), i);
                }
                case CALCULATE -> {
                    Value v = f.calculation() == null ? Value.EMPTY
                            : f.calculation().evaluate(scope(repeat, row, f, null));
                    values.calculated(repeat, row, f.name(), v);
                    if (!firstOnly) calculated.put(path(repeat, row, f), AnswerValues.toJson(v));
                }
                case TEXT, TEXTAREA, INTEGER, DECIMAL, DATE, TIME, SELECT_ONE, SELECT_MULTIPLE, BOOLEAN, NOTE,
                     GEOPOINT, IMAGE -> { }
            }
        }
    }

    /** Returns false once it has found a problem and needs only the first. */
    private boolean check(List<RuleField> fields, boolean shown, RuleField repeat, int row) {
        String repeatName = repeat == null ? null : repeat.name();
        for (RuleField f : fields) {
            boolean isShown = shown && (f.relevant() == null
                    || f.relevant().evaluate(scope(repeatName, row, f, null)).asBoolean());
            if (!firstOnly) relevant.put(path(repeatName, row, f), isShown);
            boolean goOn = switch (f.type()) {
                case GROUP -> check(f.children(), isShown, repeat, row);
                case REPEAT -> checkRows(f, isShown);
                case CALCULATE, NOTE -> true;
                case SELECT_ONE, SELECT_MULTIPLE -> checkSelect(f, isShown, repeat, row);
                case TEXT, TEXTAREA, INTEGER, DECIMAL, DATE, TIME, BOOLEAN, GEOPOINT, IMAGE ->
                        !isShown || checkAnswer(f, values.answer(repeatName, row, f.name()), null, repeat, row);
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
            if (!check(repeat.children(), shown, repeat, i)) return false;
        }
        return true;
    }

    private boolean checkSelect(RuleField f, boolean shown, RuleField repeat, int row) {
        String repeatName = repeat == null ? null : repeat.name();
        JsonNode value = values.answer(repeatName, row, f.name());
        boolean needed = !firstOnly || shown && !EntryValidator.isEmpty(value);
        List<String> offered = f.choiceFilter() != null && needed ? offered(f, repeatName, row) : null;
        if (offered != null && !firstOnly) choices.put(path(repeatName, row, f), offered);
        return !shown || checkAnswer(f, value, offered, repeat, row);
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
    private boolean checkAnswer(RuleField f, JsonNode value, List<String> offered, RuleField repeat, int row) {
        String repeatName = repeat == null ? null : repeat.name();
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
        return found(new RuleProblem(path(repeatName, row, f), problem, repeat == null ? null : repeat.label(), row));
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

    /** "age", or "members[1].age" in a row: made only when recorded, so the master's check builds none. */
    private static String path(String repeatName, int row, RuleField f) {
        return repeatName == null ? f.name() : repeatName + "[" + row + "]." + f.name();
    }

    private RuleScope scope(String repeatName, int row, RuleField f, Choice choice) {
        return new RuleScope(values, repeatName, row, f.name(), choice);
    }
}
