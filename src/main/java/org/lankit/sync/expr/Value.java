package org.lankit.sync.expr;

import java.util.List;

/**
 * What an expression works out: a text, a number, a boolean, or a list (every row's value of a
 * repeat's question, named from outside the repeat). Each converts to the others by the XPath 1.0
 * rules, as protocol.md ("Form expressions") states them.
 */
public sealed interface Value {

    Value EMPTY = new Text("");
    Value TRUE = new Bool(true);
    Value FALSE = new Bool(false);

    String asText();

    double asNumber();

    boolean asBoolean();

    static Value of(boolean b) {
        return b ? TRUE : FALSE;
    }

    static Value of(double n) {
        return new Num(n);
    }

    static Value of(String s) {
        return s.isEmpty() ? EMPTY : new Text(s);
    }

    record Text(String text) implements Value {
        @Override
        public String asText() {
            return text;
        }

        @Override
        public double asNumber() {
            return Numbers.parse(text);
        }

        @Override
        public boolean asBoolean() {
            return !text.isEmpty();
        }
    }

    record Num(double number) implements Value {
        @Override
        public String asText() {
            return Numbers.format(number);
        }

        @Override
        public double asNumber() {
            return number;
        }

        @Override
        public boolean asBoolean() {
            return number != 0 && !Double.isNaN(number);
        }
    }

    record Bool(boolean bool) implements Value {
        @Override
        public String asText() {
            return bool ? "true" : "false";
        }

        @Override
        public double asNumber() {
            return bool ? 1 : 0;
        }

        @Override
        public boolean asBoolean() {
            return bool;
        }
    }

    /** A list stands for its first member as a text or number, and for "has members" as a boolean. */
    record Many(List<Value> members) implements Value {
        public Many {
            members = List.copyOf(members);
        }

        @Override
        public String asText() {
            return members.isEmpty() ? "" : members.get(0).asText();
        }

        @Override
        public double asNumber() {
            return members.isEmpty() ? Double.NaN : members.get(0).asNumber();
        }

        @Override
        public boolean asBoolean() {
            return !members.isEmpty();
        }
    }
}
