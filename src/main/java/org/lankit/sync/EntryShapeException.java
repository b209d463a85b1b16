package org.lankit.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * An entry whose JSON is well formed but does not hang together: a {@code clocks} or
 * {@code bases} key that names no value, v1 and v2 keys mixed, a {@code by} that is not the device
 * in its clock. {@link #problem()} says what, in the entry's own terms ({@code clocks.age names no value}).
 */
public final class EntryShapeException extends MismatchedInputException {

    private final String problem;

    EntryShapeException(JsonParser parser, String problem) {
        super(parser, problem, Entry.class);
        this.problem = problem;
    }

    public String problem() {
        return problem;
    }
}
