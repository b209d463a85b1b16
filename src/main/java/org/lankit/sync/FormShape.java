package org.lankit.sync;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.lankit.sync.expr.Expression;
import org.lankit.sync.expr.ExpressionException;

/**
 * Whether a form version can be saved, whoever made it (the panel, an XLSForm import, a restored
 * backup, a laptop copying the master's): an id, a title, questions with names used once, choices
 * for choice questions, lowest values not above highest ones, groups and repeats holding fields
 * (no repeat inside a repeat), and expressions that parse and name questions of the form. The
 * first problem comes back as words that say what to fix.
 */
public final class FormShape {

    /** XLSForm names: a letter or _, then letters, digits, _, - and dots. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

    /** A problem; {@code field} is the question's name and {@code topIndex} the 0-based index of the
     * top-level field it is in (both absent for the form itself). */
    public record Problem(String field, int topIndex, String words) {
        /** "Question age: the lowest value is above the highest." or the form's own words. */
        public String sentence() {
            return field == null ? words : "Question " + field + ": " + words;
        }
    }

    private final Map<String, FormField> byName = new HashMap<>();
    private int topIndex;

    private FormShape() {
    }

    /** The first problem of {@code form}, or empty when it can be saved. */
    public static Optional<Problem> problem(Form form) {
        return Optional.ofNullable(new FormShape().firstProblem(form));
    }

    /** @throws IllegalArgumentException with the first problem's sentence */
    public static void check(Form form) {
        problem(form).ifPresent(p -> {
            throw new IllegalArgumentException(p.sentence());
        });
    }

    private Problem firstProblem(Form form) {
        if (form.id() == null || !NAME.matcher(form.id()).matches()) {
            return formProblem("The form id must start with a letter or _ and use only letters, digits, _, - and dots (at most 64).");
        }
        if (form.version() < 1) return formProblem("The form version must be 1 or more.");
        if (form.title() == null || form.title().isBlank()) return formProblem("Give the form a title.");
        if (form.fields().isEmpty()) return formProblem("Add at least one question.");
        for (topIndex = 0; topIndex < form.fields().size(); topIndex++) {
            Problem p = names(form.fields().get(topIndex), false);
            if (p != null) return p;
        }
        for (topIndex = 0; topIndex < form.fields().size(); topIndex++) {
            Problem p = expressions(form.fields().get(topIndex), false);
            if (p != null) return p;
        }
        return null;
    }

    /** Names, types, choices, bounds and nesting, field by field; every name is noted for the expressions. */
    private Problem names(FormField f, boolean insideRepeat) {
        if (f.name() == null || !NAME.matcher(f.name()).matches()) {
            return new Problem(f.name() == null ? "" : f.name(), topIndex,
                    "the name must start with a letter or _ and use only letters, digits, _, - and dots (at most 64).");
        }
        if (byName.putIfAbsent(f.name(), f) != null) return problem(f, "the name " + f.name() + " is used twice.");
        if (f.type() == null) return problem(f, "needs a type.");
        Problem p = own(f);
        if (p != null) return p;
        if (f.type() == FieldType.REPEAT && insideRepeat) return problem(f, "a repeat inside a repeat is not supported.");
        for (FormField child : f.fields()) {
            p = names(child, insideRepeat || f.type() == FieldType.REPEAT);
            if (p != null) return p;
        }
        return null;
    }

    private Problem own(FormField f) {
        boolean select = f.type() == FieldType.SELECT_ONE || f.type() == FieldType.SELECT_MULTIPLE;
        boolean number = f.type() == FieldType.INTEGER || f.type() == FieldType.DECIMAL;
        List<Choice> choices = f.choices() == null ? List.of() : f.choices();
        if (select && choices.isEmpty()) return problem(f, "list the choices.");
        if (!select && !choices.isEmpty()) return problem(f, "only choice questions have choices.");
        Set<String> choiceNames = new HashSet<>();
        for (Choice c : choices) {
            if (c.name() == null || c.name().isBlank()) return problem(f, "each choice needs a name.");
            if (!choiceNames.add(c.name())) return problem(f, "the choice " + c.name() + " is listed twice.");
        }
        if (!number && (f.min() != null || f.max() != null)) return problem(f, "only number questions have a lowest or highest value.");
        if (f.min() != null && f.max() != null && f.min().compareTo(f.max()) > 0) {
            return problem(f, "the lowest value is above the highest.");
        }
        if (f.type().holdsFields() && f.fields().isEmpty()) return problem(f, "a " + f.type().wire() + " needs questions inside it.");
        if (!f.type().holdsFields() && !f.fields().isEmpty()) return problem(f, "only groups and repeats hold questions.");
        if (f.type() == FieldType.CALCULATE && blank(f.calculation())) return problem(f, "a calculate needs a calculation.");
        if (f.type() != FieldType.CALCULATE && !blank(f.calculation())) return problem(f, "only calculate fields have a calculation.");
        if (!select && !blank(f.choiceFilter())) return problem(f, "only choice questions have a choice_filter.");
        if (!blank(f.constraint()) && !constrained(f.type())) return problem(f, "a " + f.type().wire() + " has no constraint.");
        return null;
    }

    /** Each expression parses and names only questions of the form; position(..) only inside a repeat. */
    private Problem expressions(FormField f, boolean insideRepeat) {
        String[][] columns = {{"relevant", f.relevant()}, {"constraint", f.constraint()}, {"calculation", f.calculation()},
                {"choice_filter", f.choiceFilter()}};
        for (String[] column : columns) {
            if (blank(column[1])) continue;
            Expression e;
            try {
                e = column[0].equals("choice_filter") ? Expression.parseChoiceFilter(column[1]) : Expression.parse(column[1]);
            } catch (ExpressionException ex) {
                return problem(f, "the " + column[0] + " " + quoted(column[1]) + " cannot be read: " + ex.getMessage() + ".");
            }
            for (String name : e.references()) {
                FormField named = byName.get(name);
                if (named == null) return problem(f, "the " + column[0] + " names ${" + name + "}, which is not a question of this form.");
                if (!named.type().takesAnswer()) {
                    return problem(f, "the " + column[0] + " names ${" + name + "}, a " + named.type().wire() + ", which has no answer.");
                }
            }
            if (e.usesPosition() && !insideRepeat) return problem(f, "position(..) has a meaning only inside a repeat.");
        }
        for (FormField child : f.fields()) {
            Problem p = expressions(child, insideRepeat || f.type() == FieldType.REPEAT);
            if (p != null) return p;
        }
        return null;
    }

    /** The types whose answer a constraint checks (a calculate's value is worked out, a repeat's rows have their own). */
    private static boolean constrained(FieldType type) {
        return switch (type) {
            case TEXT, TEXTAREA, INTEGER, DECIMAL, DATE, TIME, SELECT_ONE, SELECT_MULTIPLE, BOOLEAN, GEOPOINT, IMAGE -> true;
            case NOTE, CALCULATE, GROUP, REPEAT -> false;
        };
    }

    private Problem problem(FormField f, String words) {
        return new Problem(f.name(), topIndex, words);
    }

    private static Problem formProblem(String words) {
        return new Problem(null, -1, words);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String quoted(String text) {
        return "\"" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "\"";
    }
}
