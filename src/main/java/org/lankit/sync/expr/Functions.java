package org.lankit.sync.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What each {@link Function} does with its arguments (protocol.md, "Form expressions"). */
final class Functions {

    private Functions() {
    }

    static Value call(Node.Call call, Scope scope) {
        List<Node> args = call.arguments();
        return switch (call.function()) {
            case IF -> args.get(0).evaluate(scope).asBoolean() ? args.get(1).evaluate(scope) : args.get(2).evaluate(scope);
            case NOT -> Value.of(!args.get(0).evaluate(scope).asBoolean());
            case TRUE -> Value.TRUE;
            case FALSE -> Value.FALSE;
            case BOOLEAN -> Value.of(args.get(0).evaluate(scope).asBoolean());
            case NUMBER -> Value.of(number(args, 0, scope));
            case STRING -> Value.of(text(args, 0, scope));
            case INT -> Value.of(towardsZero(number(args, 0, scope)));
            case ROUND -> Value.of(round(number(args, 0, scope), args.size() > 1 ? number(args, 1, scope) : 0));
            case COALESCE -> coalesce(args, scope);
            case CONCAT -> Value.of(concat(args, scope));
            case STRING_LENGTH -> Value.of(text(args, 0, scope).length());
            case CONTAINS -> Value.of(text(args, 0, scope).contains(text(args, 1, scope)));
            case STARTS_WITH -> Value.of(text(args, 0, scope).startsWith(text(args, 1, scope)));
            case ENDS_WITH -> Value.of(text(args, 0, scope).endsWith(text(args, 1, scope)));
            case SUBSTR -> Value.of(substr(args, scope));
            case REGEX -> Value.of(regex(call, scope));
            case SELECTED -> Value.of(selected(text(args, 0, scope)).contains(text(args, 1, scope)));
            case COUNT_SELECTED -> Value.of(selected(text(args, 0, scope)).size());
            case SELECTED_AT -> Value.of(selectedAt(selected(text(args, 0, scope)), number(args, 1, scope)));
            case TODAY -> Value.of(scope.today());
            case NOW -> Value.of(scope.now());
            case COUNT -> Value.of(count(args.get(0).evaluate(scope)));
            case SUM -> Value.of(sum(args.get(0).evaluate(scope)));
            case MIN -> Value.of(extreme(args, scope, true));
            case MAX -> Value.of(extreme(args, scope, false));
            case POSITION -> Value.of(scope.position() > 0 ? scope.position() : Double.NaN);
        };
    }

    private static double number(List<Node> args, int i, Scope scope) {
        return args.get(i).evaluate(scope).asNumber();
    }

    private static String text(List<Node> args, int i, Scope scope) {
        return args.get(i).evaluate(scope).asText();
    }

    private static double towardsZero(double n) {
        return n < 0 ? Math.ceil(n) : Math.floor(n);
    }

    /** Halves away from zero; the phone computes it the same way (sign × floor(|x| × 10^d + 0.5) / 10^d). */
    private static double round(double n, double digits) {
        if (Double.isNaN(n) || Double.isInfinite(n)) return n;
        double factor = Math.pow(10, towardsZero(digits));
        double rounded = Math.floor(Math.abs(n) * factor + 0.5) / factor;
        return n < 0 ? -rounded : rounded;
    }

    private static Value coalesce(List<Node> args, Scope scope) {
        for (Node arg : args) {
            Value v = arg.evaluate(scope);
            if (!v.asText().isEmpty()) return v;
        }
        return Value.EMPTY;
    }

    private static String concat(List<Node> args, Scope scope) {
        StringBuilder out = new StringBuilder();
        for (Node arg : args) {
            Value v = arg.evaluate(scope);
            if (v instanceof Value.Many many) {
                for (Value member : many.members()) out.append(member.asText());
            } else {
                out.append(v.asText());
            }
        }
        return out.toString();
    }

    /** substr(s, start[, end]): 0-based, end exclusive, both cut to whole numbers and kept within the text. */
    private static String substr(List<Node> args, Scope scope) {
        String s = text(args, 0, scope);
        int start = within(number(args, 1, scope), s.length());
        int end = args.size() > 2 ? within(number(args, 2, scope), s.length()) : s.length();
        return end > start ? s.substring(start, end) : "";
    }

    private static int within(double index, int length) {
        if (Double.isNaN(index)) return 0;
        return (int) Math.max(0, Math.min(length, towardsZero(index)));
    }

    private static boolean regex(Node.Call call, Scope scope) {
        String s = text(call.arguments(), 0, scope);
        Pattern pattern = call.pattern();
        if (pattern == null) {
            try {
                pattern = Pattern.compile(text(call.arguments(), 1, scope));
            } catch (PatternSyntaxException e) {
                return false;
            }
        }
        return pattern.matcher(s).find();
    }

    /** A select_multiple answer's names: the text split at spaces. */
    private static List<String> selected(String list) {
        List<String> out = new ArrayList<>();
        for (String name : list.split("[ \t\r\n]+")) if (!name.isEmpty()) out.add(name);
        return out;
    }

    private static String selectedAt(List<String> names, double index) {
        if (Double.isNaN(index) || index < 0 || index >= names.size()) return "";
        return names.get((int) towardsZero(index));
    }

    private static double count(Value v) {
        if (v instanceof Value.Many many) return many.members().size();
        return v.asText().isEmpty() ? 0 : 1;
    }

    private static double sum(Value v) {
        if (!(v instanceof Value.Many many)) return v.asNumber();
        double total = 0;
        for (Value member : many.members()) total += member.asNumber();
        return total;
    }

    /** The least (or greatest) of every argument and list member; NaN when any is NaN or there are none. */
    private static double extreme(List<Node> args, Scope scope, boolean least) {
        double best = Double.NaN;
        boolean any = false;
        for (Node arg : args) {
            Value v = arg.evaluate(scope);
            List<Value> members = v instanceof Value.Many many ? many.members() : List.of(v);
            for (Value member : members) {
                double n = member.asNumber();
                if (Double.isNaN(n)) return Double.NaN;
                best = !any ? n : least ? Math.min(best, n) : Math.max(best, n);
                any = true;
            }
        }
        return best;
    }
}
