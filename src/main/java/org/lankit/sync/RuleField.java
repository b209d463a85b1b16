package org.lankit.sync;

import java.util.ArrayList;
import java.util.List;
import org.lankit.sync.expr.Expression;
import org.lankit.sync.expr.ExpressionException;

/** A form field with its expressions parsed, and its own fields likewise: the tree FormRules walks. */
record RuleField(FormField field, Expression relevant, Expression constraint, Expression calculation,
                 Expression choiceFilter, List<RuleField> children) {

    static List<RuleField> compile(List<FormField> fields) {
        List<RuleField> out = new ArrayList<>(fields.size());
        for (FormField f : fields) {
            out.add(new RuleField(f, parse(f, "relevant", f.relevant(), false), parse(f, "constraint", f.constraint(), false),
                    parse(f, "calculation", f.calculation(), false), parse(f, "choice_filter", f.choiceFilter(), true),
                    compile(f.fields())));
        }
        return List.copyOf(out);
    }

    String name() {
        return field.name();
    }

    FieldType type() {
        return field.type();
    }

    boolean hasExpressions() {
        if (relevant != null || constraint != null || calculation != null || choiceFilter != null) return true;
        for (RuleField child : children) if (child.hasExpressions()) return true;
        return false;
    }

    /** The question as people read it: its label in the default language, or its name when it has none. */
    String label() {
        String label = field.label();
        return label == null || label.isBlank() ? field.name() : label.strip();
    }

    private static Expression parse(FormField f, String column, String text, boolean choiceFilter) {
        if (text == null || text.isBlank()) return null;
        try {
            return choiceFilter ? Expression.parseChoiceFilter(text) : Expression.parse(text);
        } catch (ExpressionException e) {
            throw new IllegalArgumentException(column + " of " + f.name() + ": " + e.getMessage(), e);
        }
    }
}
