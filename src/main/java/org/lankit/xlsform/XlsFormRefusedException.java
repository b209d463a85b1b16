package org.lankit.xlsform;

import java.util.List;

/** An XLSForm that was not imported, with every problem found in it (nothing was saved). */
public final class XlsFormRefusedException extends IllegalArgumentException {

    private final transient List<Problem> problems;

    XlsFormRefusedException(String file, List<Problem> problems) {
        super(file + " was not imported (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "): "
                + String.join("; ", problems.stream().map(Problem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
