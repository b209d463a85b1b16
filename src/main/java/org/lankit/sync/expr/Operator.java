package org.lankit.sync.expr;

/** The binary operators, weakest first ({@link #binding}: higher binds tighter). */
enum Operator {
    OR(1), AND(2), EQUAL(3), NOT_EQUAL(3), LESS(4), LESS_EQUAL(4), GREATER(4), GREATER_EQUAL(4),
    ADD(5), SUBTRACT(5), MULTIPLY(6), DIVIDE(6), MODULO(6);

    final int binding;

    Operator(int binding) {
        this.binding = binding;
    }
}
