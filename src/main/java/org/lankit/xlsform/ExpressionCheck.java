package org.lankit.xlsform;

import java.util.List;
import java.util.Map;
import org.lankit.sync.FieldType;
import org.lankit.sync.expr.Expression;
import org.lankit.sync.expr.ExpressionException;

/**
 * Checks the form's expressions once every name is known: each must be in the subset the kit
 * evaluates (protocol.md, "Form expressions") and name only answers the form has.
 */
final class ExpressionCheck {

    /** Where an expression is used, which decides what it may name. */
    enum Use { RELEVANT, CONSTRAINT, CALCULATION, CHOICE_FILTER }

    /** An expression to check; {@code inRepeat}: its row is inside a repeat (where position(..) means the row's number). */
    record Pending(Table.Line line, String column, String text, Use use, boolean inRepeat) {
    }

    private final Table survey;
    private final Map<String, FieldType> answers;
    private final ChoiceLists lists;
    private final List<Problem> problems;

    ExpressionCheck(Table survey, Map<String, FieldType> answers, ChoiceLists lists, List<Problem> problems) {
        this.survey = survey;
        this.answers = answers;
        this.lists = lists;
        this.problems = problems;
    }

    void check(List<Pending> expressions) {
        for (Pending p : expressions) {
            Expression parsed;
            try {
                parsed = p.use() == Use.CHOICE_FILTER ? Expression.parseChoiceFilter(p.text()) : Expression.parse(p.text());
            } catch (ExpressionException e) {
                problems.add(survey.problem(p.line(), p.column(), "\"" + p.text() + "\" is not an expression the kit can work out: "
                        + e.getMessage()));
                continue;
            }
            for (String name : parsed.references()) {
                if (!answers.containsKey(name)) {
                    problems.add(survey.problem(p.line(), p.column(), "${" + name + "} names no question of this form"));
                }
            }
            for (String column : parsed.columns()) {
                if (!lists.filterColumns().contains(column)) {
                    problems.add(survey.problem(p.line(), p.column(), "the choices sheet has no column " + column
                            + " (it has " + String.join(", ", lists.filterColumns()) + ")"));
                }
            }
            if (parsed.usesPosition() && !p.inRepeat()) {
                problems.add(survey.problem(p.line(), p.column(), "position(..) means a repeat row's number, and this row is not in a repeat"));
            }
        }
    }
}
