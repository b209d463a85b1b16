package org.lankit.sync.expr;

/**
 * A text that is not an expression of the subset: {@link #getMessage()} says what is wrong in
 * plain words and names the character; {@link #position()} is that character's 0-based index
 * (the importer turns it into a cell's row and column).
 */
public final class ExpressionException extends RuntimeException {

    private final int position;
    private final String problem;

    ExpressionException(String problem, int position) {
        super(problem + " (at character " + (position + 1) + ")");
        this.problem = problem;
        this.position = position;
    }

    /** The 0-based index of the character where the problem was found. */
    public int position() {
        return position;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }
}
