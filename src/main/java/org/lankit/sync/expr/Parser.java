package org.lankit.sync.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.lankit.sync.expr.Token.Kind;

/**
 * Recursive descent over the tokens, one method per level of binding (or, and, equality,
 * comparison, sum, product, unary minus, then single values). Bare names are columns of the
 * candidate choice, taken only when parsing a choice_filter.
 */
final class Parser {

    private final List<Token> tokens;
    /** Deeper nesting than this is refused, so that no text can exhaust the stack. */
    private static final int MAX_DEPTH = 64;
    /** Longer chains are refused too: the tree is worked out recursively, one level per operator. */
    private static final int MAX_TOKENS = 2_000;

    private final boolean choiceFilter;
    private int at;
    private int depth;

    private Parser(List<Token> tokens, boolean choiceFilter) {
        this.tokens = tokens;
        this.choiceFilter = choiceFilter;
    }

    static Node parse(String text, boolean choiceFilter) {
        List<Token> tokens = Lexer.tokens(text);
        if (tokens.size() > MAX_TOKENS) {
            throw new ExpressionException("the expression is too long (more than " + MAX_TOKENS + " parts)", tokens.get(MAX_TOKENS).position());
        }
        Parser p = new Parser(tokens, choiceFilter);
        if (p.peek().kind() == Kind.END) throw new ExpressionException("the expression is empty", 0);
        Node node = p.expression();
        Token end = p.peek();
        if (end.kind() != Kind.END) {
            throw new ExpressionException("'" + shown(end) + "' is not expected here (an operator or the end was)", end.position());
        }
        return node;
    }

    private Node expression() {
        return binary(Operator.OR.binding);
    }

    /** Operands joined by operators binding at least {@code binding}, left to right. */
    private Node binary(int binding) {
        if (binding > Operator.MODULO.binding) return unary();
        Node left = binary(binding + 1);
        while (true) {
            Operator op = operator(peek());
            if (op == null || op.binding != binding) return left;
            at++;
            left = new Node.Binary(op, left, binary(binding + 1));
        }
    }

    private Node unary() {
        if (++depth > MAX_DEPTH) throw new ExpressionException("the expression is nested too deeply", peek().position());
        try {
            if (peek().kind() == Kind.MINUS) {
                at++;
                return new Node.Negate(unary());
            }
            return value();
        } finally {
            depth--;
        }
    }

    private Node value() {
        Token t = next();
        return switch (t.kind()) {
            case NUMBER -> new Node.Literal(Value.of(Double.parseDouble(t.text())));
            case STRING -> new Node.Literal(Value.of(t.text()));
            case REFERENCE -> new Node.Reference(t.text());
            case DOT -> new Node.Current();
            case OPEN -> {
                Node inside = expression();
                expect(Kind.CLOSE, "')' to close the '(' at character " + (t.position() + 1));
                yield inside;
            }
            case NAME -> peek().kind() == Kind.OPEN ? call(t) : column(t);
            case DOT_DOT -> throw new ExpressionException("'..' is only allowed as position(..)", t.position());
            case END -> throw new ExpressionException("a value is missing at the end", t.position());
            case CLOSE, COMMA, PLUS, MINUS, STAR, EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL ->
                    throw new ExpressionException("a value is missing before '" + t.text() + "'", t.position());
        };
    }

    private Node column(Token name) {
        if (!choiceFilter) {
            throw new ExpressionException("'" + name.text() + "' alone is not a value: write ${" + name.text()
                    + "} for an answer, 'text' in quotes for a text, or " + name.text() + "() for a function", name.position());
        }
        return new Node.Column(name.text());
    }

    private Node call(Token name) {
        Function f = Function.named(name.text()).orElseThrow(
                () -> new ExpressionException("there is no function " + name.text() + "()", name.position()));
        at++; // the '('
        List<Node> args = new ArrayList<>();
        if (f == Function.POSITION) {
            expect(Kind.DOT_DOT, "'..' inside position(..)");
        } else if (peek().kind() != Kind.CLOSE) {
            args.add(expression());
            while (peek().kind() == Kind.COMMA) {
                at++;
                args.add(expression());
            }
        }
        expect(Kind.CLOSE, "')' or ',' in " + name.text() + "(");
        if (args.size() < f.fewest || args.size() > f.most) {
            throw new ExpressionException(name.text() + "() " + f.arity() + ", here " + args.size(), name.position());
        }
        return new Node.Call(f, args, f == Function.REGEX ? literalPattern(args.get(1)) : null);
    }

    /** regex()'s pattern compiled once when it is written as a text; null leaves it to each evaluation. */
    private static Pattern literalPattern(Node pattern) {
        if (!(pattern instanceof Node.Literal literal)) return null;
        try {
            return Pattern.compile(literal.value().asText());
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    private static Operator operator(Token t) {
        return switch (t.kind()) {
            case NAME -> switch (t.text()) {
                case "or" -> Operator.OR;
                case "and" -> Operator.AND;
                case "div" -> Operator.DIVIDE;
                case "mod" -> Operator.MODULO;
                default -> null;
            };
            case EQUAL -> Operator.EQUAL;
            case NOT_EQUAL -> Operator.NOT_EQUAL;
            case LESS -> Operator.LESS;
            case LESS_EQUAL -> Operator.LESS_EQUAL;
            case GREATER -> Operator.GREATER;
            case GREATER_EQUAL -> Operator.GREATER_EQUAL;
            case PLUS -> Operator.ADD;
            case MINUS -> Operator.SUBTRACT;
            case STAR -> Operator.MULTIPLY;
            case NUMBER, STRING, REFERENCE, DOT, DOT_DOT, OPEN, CLOSE, COMMA, END -> null;
        };
    }

    private void expect(Kind kind, String what) {
        Token t = next();
        if (t.kind() != kind) {
            String found = t.kind() == Kind.END ? "the end" : "'" + shown(t) + "'";
            throw new ExpressionException("expected " + what + ", found " + found, t.position());
        }
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token t = tokens.get(at);
        if (t.kind() != Kind.END) at++;
        return t;
    }

    private static String shown(Token t) {
        return switch (t.kind()) {
            case STRING -> "'" + t.text() + "'";
            case REFERENCE -> "${" + t.text() + "}";
            case NUMBER, NAME, DOT, DOT_DOT, OPEN, CLOSE, COMMA, PLUS, MINUS, STAR, EQUAL, NOT_EQUAL,
                 LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, END -> t.text();
        };
    }
}
