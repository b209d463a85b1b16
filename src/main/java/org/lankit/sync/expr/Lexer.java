package org.lankit.sync.expr;

import java.util.ArrayList;
import java.util.List;
import org.lankit.sync.expr.Token.Kind;

/**
 * Cuts an expression's text into tokens. Names are XPath-like: letters, digits and underscores,
 * with single dashes inside ({@code string-length}, a column {@code hh-type}); a reference
 * {@code ${name}} also takes dots, as XLSForm names do. Texts have no escapes.
 */
final class Lexer {

    private final String text;
    private int at;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        return new Lexer(text).all();
    }

    private List<Token> all() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpace();
            if (at >= text.length()) {
                out.add(new Token(Kind.END, "", at));
                return out;
            }
            out.add(next());
        }
    }

    private Token next() {
        int start = at;
        char c = text.charAt(at);
        if (isDigit(c) || c == '.' && at + 1 < text.length() && isDigit(text.charAt(at + 1))) return number();
        if (c == '\'' || c == '"') return quoted(c);
        if (c == '$') return reference();
        if (isNameStart(c)) return name();
        at++;
        return switch (c) {
            case '.' -> {
                if (at < text.length() && text.charAt(at) == '.') {
                    at++;
                    yield new Token(Kind.DOT_DOT, "..", start);
                }
                yield new Token(Kind.DOT, ".", start);
            }
            case '(' -> new Token(Kind.OPEN, "(", start);
            case ')' -> new Token(Kind.CLOSE, ")", start);
            case ',' -> new Token(Kind.COMMA, ",", start);
            case '+' -> new Token(Kind.PLUS, "+", start);
            case '-' -> new Token(Kind.MINUS, "-", start);
            case '*' -> new Token(Kind.STAR, "*", start);
            case '=' -> new Token(Kind.EQUAL, "=", start);
            case '!' -> {
                if (at < text.length() && text.charAt(at) == '=') {
                    at++;
                    yield new Token(Kind.NOT_EQUAL, "!=", start);
                }
                throw new ExpressionException("'!' must be followed by '=' (write != for 'not equal')", start);
            }
            case '<' -> orEqual(Kind.LESS, Kind.LESS_EQUAL, start);
            case '>' -> orEqual(Kind.GREATER, Kind.GREATER_EQUAL, start);
            default -> throw new ExpressionException("'" + c + "' is not part of the expressions forms can use", start);
        };
    }

    private Token orEqual(Kind alone, Kind withEqual, int start) {
        if (at < text.length() && text.charAt(at) == '=') {
            at++;
            return new Token(withEqual, text.substring(start, at), start);
        }
        return new Token(alone, text.substring(start, at), start);
    }

    private Token number() {
        int start = at;
        while (at < text.length() && isDigit(text.charAt(at))) at++;
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
            while (at < text.length() && isDigit(text.charAt(at))) at++;
        }
        return new Token(Kind.NUMBER, text.substring(start, at), start);
    }

    private Token quoted(char quote) {
        int start = at;
        int end = text.indexOf(quote, at + 1);
        if (end < 0) throw new ExpressionException("the text started here is never closed with " + quote, start);
        at = end + 1;
        return new Token(Kind.STRING, text.substring(start + 1, end), start);
    }

    private Token reference() {
        int start = at;
        if (at + 1 >= text.length() || text.charAt(at + 1) != '{') {
            throw new ExpressionException("'$' must start a reference like ${name}", start);
        }
        at += 2;
        int nameStart = at;
        if (at >= text.length() || !isNameStart(text.charAt(at))) {
            throw new ExpressionException("a reference must name a question: ${name}, starting with a letter or _", start);
        }
        while (at < text.length() && (isNamePart(text.charAt(at)) || text.charAt(at) == '.' || text.charAt(at) == '-')) at++;
        if (at >= text.length() || text.charAt(at) != '}') {
            throw new ExpressionException("the reference started here must end with } right after the name", start);
        }
        String name = text.substring(nameStart, at);
        at++;
        return new Token(Kind.REFERENCE, name, start);
    }

    private Token name() {
        int start = at;
        at++;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (isNamePart(c)) {
                at++;
            } else if (c == '-' && at + 1 < text.length() && isNamePart(text.charAt(at + 1))) {
                at += 2;
            } else {
                break;
            }
        }
        return new Token(Kind.NAME, text.substring(start, at), start);
    }

    private void skipSpace() {
        while (at < text.length() && isSpace(text.charAt(at))) at++;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
