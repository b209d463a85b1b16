package org.lankit.sync;

/**
 * One problem of an entry's answers: the question's {@code path} ("age", "members[1].age"), the
 * {@code message} shown next to it, and for a question of a repeat the repeat's label and the
 * row's 0-based index (so the master can say which row: {@link #sentence()}).
 */
public record RuleProblem(String path, String message, String repeatLabel, int row) {

    /** The message as the master refuses an entry with it: "Household members row 2: Age is required" for a row's question. */
    public String sentence() {
        return repeatLabel == null ? message : repeatLabel + " row " + (row + 1) + ": " + message;
    }
}
