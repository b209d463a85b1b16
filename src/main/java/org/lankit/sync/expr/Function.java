package org.lankit.sync.expr;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The functions an expression may call, by the name it is written with, and how many arguments each takes. */
enum Function {
    IF("if", 3, 3), NOT("not", 1, 1), TRUE("true", 0, 0), FALSE("false", 0, 0),
    BOOLEAN("boolean", 1, 1), NUMBER("number", 1, 1), STRING("string", 1, 1),
    INT("int", 1, 1), ROUND("round", 1, 2), COALESCE("coalesce", 2, Integer.MAX_VALUE),
    CONCAT("concat", 0, Integer.MAX_VALUE), STRING_LENGTH("string-length", 1, 1),
    CONTAINS("contains", 2, 2), STARTS_WITH("starts-with", 2, 2), ENDS_WITH("ends-with", 2, 2),
    SUBSTR("substr", 2, 3), REGEX("regex", 2, 2),
    SELECTED("selected", 2, 2), COUNT_SELECTED("count-selected", 1, 1), SELECTED_AT("selected-at", 2, 2),
    TODAY("today", 0, 0), NOW("now", 0, 0),
    COUNT("count", 1, 1), SUM("sum", 1, 1), MIN("min", 1, Integer.MAX_VALUE), MAX("max", 1, Integer.MAX_VALUE),
    /** Written only as {@code position(..)}: the parser takes the {@code ..} and gives no argument. */
    POSITION("position", 0, 0);

    private static final Map<String, Function> BY_NAME = new HashMap<>();

    static {
        for (Function f : values()) BY_NAME.put(f.written, f);
    }

    final String written;
    final int fewest;
    final int most;

    Function(String written, int fewest, int most) {
        this.written = written;
        this.fewest = fewest;
        this.most = most;
    }

    static Optional<Function> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** "takes 2 arguments", "takes 1 or 2 arguments", "takes at least 1 argument". */
    String arity() {
        if (most == Integer.MAX_VALUE) return "takes at least " + fewest + (fewest == 1 ? " argument" : " arguments");
        if (fewest == most) return "takes " + fewest + (fewest == 1 ? " argument" : " arguments");
        return "takes " + fewest + " or " + most + " arguments";
    }
}
