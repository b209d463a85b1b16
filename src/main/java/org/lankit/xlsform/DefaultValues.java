package org.lankit.xlsform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.lankit.sync.Choice;
import org.lankit.sync.FieldType;

/** The {@code default} column: a plain value the question starts with, checked against its type. */
final class DefaultValues {

    private DefaultValues() {
    }

    /** What is wrong with {@code value} as the first answer of a {@code type} question, or null. */
    static String problem(FieldType type, String value, List<Choice> choices) {
        if (value.contains("${") || value.matches(".*[a-z-]+\\(.*\\).*")) {
            return "\"" + value + "\" is an expression; a default must be a plain value (an expression can go in a calculate row)";
        }
        return switch (type) {
            case TEXT, TEXTAREA -> null;
            case INTEGER -> value.matches("-?\\d{1,18}") ? null : "\"" + value + "\" is not a whole number";
            case DECIMAL -> isDecimal(value) ? null : "\"" + value + "\" is not a number";
            case DATE -> parses(() -> LocalDate.parse(value)) ? null : "\"" + value + "\" is not a date (YYYY-MM-DD)";
            case TIME -> parses(() -> LocalTime.parse(value)) ? null : "\"" + value + "\" is not a time (HH:MM)";
            case SELECT_ONE -> offered(value, choices) ? null : "\"" + value + "\" is not a choice of this question's list";
            case SELECT_MULTIPLE -> Arrays.stream(value.split("\\s+")).allMatch(v -> offered(v, choices))
                    ? null : "\"" + value + "\" is not a space-separated list of this question's choices";
            case GEOPOINT -> value.matches("-?\\d+(\\.\\d+)? -?\\d+(\\.\\d+)?( -?\\d+(\\.\\d+)?){0,2}")
                    ? null : "\"" + value + "\" is not a point (latitude longitude)";
            case BOOLEAN, NOTE, CALCULATE, IMAGE, GROUP, REPEAT -> "a " + type.wire() + " row takes no default";
        };
    }

    private static boolean offered(String value, List<Choice> choices) {
        return choices.stream().anyMatch(c -> c.name().equals(value));
    }

    private static boolean isDecimal(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
