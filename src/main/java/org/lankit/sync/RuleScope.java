package org.lankit.sync;

import java.util.ArrayList;
import java.util.List;
import org.lankit.sync.expr.AnswerValues;
import org.lankit.sync.expr.Scope;
import org.lankit.sync.expr.Value;

/**
 * What one of a form's expressions sees: {@code ${x}} of the row it is in when x is a question of
 * the same repeat, every row's x from elsewhere, else the top-level answer; {@code .} the
 * question's own answer; bare names the candidate choice's columns.
 */
final class RuleScope implements Scope {

    private final RuleValues values;
    private final String repeat;
    private final int row;
    /** The name of the question the expression belongs to: {@code .} is its answer. */
    private final String own;
    private final Choice choice;

    RuleScope(RuleValues values, String repeat, int row, String own, Choice choice) {
        this.values = values;
        this.repeat = repeat;
        this.row = row;
        this.own = own;
        this.choice = choice;
    }

    @Override
    public Value reference(String name) {
        FormRules rules = values.rules();
        if (rules.isRepeat(name)) {
            List<Value> rows = new ArrayList<>();
            for (int i = values.rowCount(name); i > 0; i--) rows.add(Value.EMPTY);
            return new Value.Many(rows);
        }
        String home = rules.repeatOf(name);
        if (home == null) return values.value(null, 0, name);
        if (home.equals(repeat)) return values.value(repeat, row, name);
        int rows = values.rowCount(home);
        List<Value> every = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) every.add(values.value(home, i, name));
        return new Value.Many(every);
    }

    @Override
    public Value current() {
        return AnswerValues.of(values.answer(repeat, row, own));
    }

    @Override
    public Value column(String name) {
        if (choice == null) return Value.EMPTY;
        if (name.equals("name")) return Value.of(choice.name());
        String column = choice.columns().get(name);
        return column == null ? Value.EMPTY : Value.of(column);
    }

    @Override
    public int position() {
        return repeat == null ? 0 : row + 1;
    }

    @Override
    public String today() {
        return values.context().today();
    }

    @Override
    public String now() {
        return values.context().now();
    }
}
