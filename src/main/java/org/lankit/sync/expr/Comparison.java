package org.lankit.sync.expr;

/**
 * XPath 1.0 comparison: = and != as booleans when either side is one, else as numbers when either
 * side is one, else as texts; the others always as numbers (so dates compare as days). A list
 * holds when any of its members does. NaN makes all but != false (IEEE, as in Java and JS).
 */
final class Comparison {

    private Comparison() {
    }

    static boolean holds(Operator op, Value left, Value right) {
        if (left instanceof Value.Many many) {
            for (Value member : many.members()) if (holds(op, member, right)) return true;
            return false;
        }
        if (right instanceof Value.Many many) {
            for (Value member : many.members()) if (holds(op, left, member)) return true;
            return false;
        }
        return switch (op) {
            case EQUAL -> equal(left, right);
            case NOT_EQUAL -> notEqual(left, right);
            case LESS -> left.asNumber() < right.asNumber();
            case LESS_EQUAL -> left.asNumber() <= right.asNumber();
            case GREATER -> left.asNumber() > right.asNumber();
            case GREATER_EQUAL -> left.asNumber() >= right.asNumber();
            case OR, AND, ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO ->
                    throw new IllegalArgumentException(op + " is not a comparison");
        };
    }

    private static boolean equal(Value left, Value right) {
        if (left instanceof Value.Bool || right instanceof Value.Bool) return left.asBoolean() == right.asBoolean();
        if (left instanceof Value.Num || right instanceof Value.Num) return left.asNumber() == right.asNumber();
        return left.asText().equals(right.asText());
    }

    private static boolean notEqual(Value left, Value right) {
        if (left instanceof Value.Bool || right instanceof Value.Bool) return left.asBoolean() != right.asBoolean();
        if (left instanceof Value.Num || right instanceof Value.Num) return left.asNumber() != right.asNumber();
        return !left.asText().equals(right.asText());
    }
}
