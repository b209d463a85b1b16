package org.lankit.xlsform;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lankit.sync.FieldType;

/**
 * Checks the form's expressions once every name is known: each must be in the subset the kit
 * evaluates (protocol.md, "Form expressions") and name only answers the form has.
 */
final class ExpressionCheck {

    /** Where an expression is used, which decides what it may name. */
    enum Use { RELEVANT, CONSTRAINT, CALCULATION, CHOICE_FILTER }

    /** An expression to check: {@code list} is the choice list of a choice_filter. */
    record Pending(Table.Line line, String column, String text, Use use, String list) {
    }

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

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
            Matcher m = REFERENCE.matcher(p.text());
            while (m.find()) {
                String name = m.group(1).strip();
                if (!answers.containsKey(name)) {
                    problems.add(survey.problem(p.line(), p.column(), "${" + name + "} names no question of this form"));
                }
            }
        }
    }
}
