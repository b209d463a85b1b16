package org.lankit.sync.expr;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One parsed expression: its text, its tree and the answers it names. Immutable and thread-safe;
 * parse once (FormRules does so per form version) and evaluate as often as needed.
 */
public final class Expression {

    private final String text;
    private final Node root;
    private final Set<String> references;
    private final Set<String> columns;
    private final boolean usesPosition;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
        Set<String> names = new LinkedHashSet<>();
        Set<String> bare = new LinkedHashSet<>();
        this.usesPosition = collect(root, names, bare);
        this.references = Collections.unmodifiableSet(names);
        this.columns = Collections.unmodifiableSet(bare);
    }

    /** A relevant, constraint or calculation. Throws {@link ExpressionException} when {@code text} is not one. */
    public static Expression parse(String text) {
        return new Expression(text, Parser.parse(text, false));
    }

    /** A choice_filter: as {@link #parse}, and bare names are the candidate choice's columns. */
    public static Expression parseChoiceFilter(String text) {
        return new Expression(text, Parser.parse(text, true));
    }

    public Value evaluate(Scope scope) {
        return root.evaluate(scope);
    }

    public String text() {
        return text;
    }

    /** The names of the {@code ${name}} references, in the order they are written, each once. */
    public Set<String> references() {
        return references;
    }

    /** The bare names of a choice_filter (the choices' columns, {@code name} among them), in the order written, each once. */
    public Set<String> columns() {
        return columns;
    }

    /** Whether it calls position(..), which has a meaning only inside a repeat. */
    public boolean usesPosition() {
        return usesPosition;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Notes the references and columns under {@code node}; true when it calls position(..). */
    private static boolean collect(Node node, Set<String> names, Set<String> bare) {
        if (node instanceof Node.Reference r) {
            names.add(r.name());
        } else if (node instanceof Node.Column c) {
            bare.add(c.name());
        } else if (node instanceof Node.Negate n) {
            return collect(n.operand(), names, bare);
        } else if (node instanceof Node.Binary b) {
            return collect(b.left(), names, bare) | collect(b.right(), names, bare);
        } else if (node instanceof Node.Call c) {
            boolean position = c.function() == Function.POSITION;
            for (Node arg : c.arguments()) position |= collect(arg, names, bare);
            return position;
        }
        return false;
    }
}
