package org.lankit.sync.expr;

/**
 * What an expression can see while it is worked out: answers, the question's own value, the
 * candidate choice of a choice_filter, the row of a repeat and the day. FormRules gives one per
 * question (and row); tests give their own.
 */
public interface Scope {

    /** {@code ${name}}: an answer, a calculate's value, or a list (a repeat; a repeat's question from outside it). */
    Value reference(String name);

    /** {@code .}: the value of the question the expression belongs to. */
    Value current();

    /** A bare name in a choice_filter: the candidate choice's column ({@code name}: the choice's name); "" when it has none. */
    Value column(String name);

    /** The 1-based index of the repeat row being worked out, 0 outside a row. */
    int position();

    /** Today as "YYYY-MM-DD". */
    String today();

    /** Now as an ISO local date-time, "YYYY-MM-DDTHH:MM:SS". */
    String now();
}
