package org.lankit.sync.expr;

import java.util.List;
import java.util.regex.Pattern;

/** A parsed expression: an immutable tree whose nodes work themselves out against a {@link Scope}. */
sealed interface Node {

    Value evaluate(Scope scope);

    record Literal(Value value) implements Node {
        @Override
        public Value evaluate(Scope scope) {
            return value;
        }
    }

    /** {@code ${name}} */
    record Reference(String name) implements Node {
        @Override
        public Value evaluate(Scope scope) {
            return scope.reference(name);
        }
    }

    /** {@code .} */
    record Current() implements Node {
        @Override
        public Value evaluate(Scope scope) {
            return scope.current();
        }
    }

    /** A bare name in a choice_filter. */
    record Column(String name) implements Node {
        @Override
        public Value evaluate(Scope scope) {
            return scope.column(name);
        }
    }

    record Negate(Node operand) implements Node {
        @Override
        public Value evaluate(Scope scope) {
            return Value.of(-operand.evaluate(scope).asNumber());
        }
    }

    record Binary(Operator operator, Node left, Node right) implements Node {
        @Override
        public Value evaluate(Scope scope) {
            return switch (operator) {
                // and/or look at the right side only when it can change the outcome, as XPath does
                case OR -> Value.of(left.evaluate(scope).asBoolean() || right.evaluate(scope).asBoolean());
                case AND -> Value.of(left.evaluate(scope).asBoolean() && right.evaluate(scope).asBoolean());
                case EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL ->
                        Value.of(Comparison.holds(operator, left.evaluate(scope), right.evaluate(scope)));
                case ADD -> Value.of(number(left, scope) + number(right, scope));
                case SUBTRACT -> Value.of(number(left, scope) - number(right, scope));
                case MULTIPLY -> Value.of(number(left, scope) * number(right, scope));
                case DIVIDE -> Value.of(number(left, scope) / number(right, scope));
                case MODULO -> Value.of(number(left, scope) % number(right, scope));
            };
        }

        private static double number(Node node, Scope scope) {
            return node.evaluate(scope).asNumber();
        }
    }

    /** A function call; {@code pattern} is regex()'s pattern compiled once when it is written as a text (null otherwise or when it does not compile). */
    record Call(Function function, List<Node> arguments, Pattern pattern) implements Node {
        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public Value evaluate(Scope scope) {
            return Functions.call(this, scope);
        }
    }
}
