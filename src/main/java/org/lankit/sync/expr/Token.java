package org.lankit.sync.expr;

/** One piece of an expression's text; {@code text} is a name, a number, a text's content or a reference's name. */
record Token(Kind kind, String text, int position) {

    enum Kind {
        NUMBER, STRING, REFERENCE, NAME, DOT, DOT_DOT, OPEN, CLOSE, COMMA,
        PLUS, MINUS, STAR, EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, END
    }

    boolean isName(String word) {
        return kind == Kind.NAME && text.equals(word);
    }
}
