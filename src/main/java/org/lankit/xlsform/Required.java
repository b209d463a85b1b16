package org.lankit.xlsform;

import java.util.List;
import java.util.Locale;
import org.lankit.sync.FieldType;

/** The {@code required} column: yes or no (as XLSForms write them); a condition is not supported. */
final class Required {

    private Required() {
    }

    static boolean read(Table survey, Table.Line line, FieldType type, List<Problem> problems) {
        String cell = survey.cell(line, "required").toLowerCase(Locale.ROOT);
        boolean required = switch (cell) {
            case "yes", "true", "true()", "1" -> true;
            case "", "no", "false", "false()", "0" -> false;
            default -> {
                problems.add(survey.problem(line, "required", "\"" + survey.cell(line, "required") + "\" is not yes or no"
                        + " (a condition is not supported here; use relevant to ask the question only when it applies)"));
                yield false;
            }
        };
        if (required && (!type.takesAnswer() || type == FieldType.CALCULATE)) {
            problems.add(survey.problem(line, "required", "a " + type.wire() + " row takes no answer, so it cannot be required"));
            return false;
        }
        return required;
    }
}
