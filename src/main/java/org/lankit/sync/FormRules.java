package org.lankit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A form version's rules, its expressions parsed once: which questions are shown (relevant, through
 * groups and repeats), calculated values, the choices a choice_filter leaves, and what is wrong
 * with an entry's answers (required, shape, offered choices, constraint), worded as the worker and
 * the master both say it (protocol.md, "Form expressions"; the phone's rules.js passes the same
 * form-rules.json). Immutable and thread-safe.
 */
public final class FormRules {

    /** By form id and version; a form read again from the store (a new instance) is parsed again. */
    private static final Map<Key, FormRules> CACHE = new ConcurrentHashMap<>();

    private final Form form;
    private final List<RuleField> fields;
    private final Map<String, String> repeatOf = new HashMap<>();
    private final Set<String> repeats = new HashSet<>();
    private final Set<String> calculates = new HashSet<>();
    private final boolean hasExpressions;

    private FormRules(Form form) {
        this.form = form;
        this.fields = RuleField.compile(form.fields());
        index(fields, null);
        boolean any = false;
        for (RuleField f : fields) any |= f.hasExpressions();
        this.hasExpressions = any;
    }

    /**
     * The rules of {@code form}, parsed once per form version. Throws IllegalArgumentException when
     * an expression does not parse (FormShape refuses such forms before they are saved).
     */
    public static FormRules of(Form form) {
        Key key = new Key(form.id(), form.version());
        FormRules known = CACHE.get(key);
        if (known != null && known.form == form) return known;
        FormRules rules = new FormRules(form);
        CACHE.put(key, rules);
        return rules;
    }

    public Form form() {
        return form;
    }

    /** Whether any field has a relevant, constraint, calculation or choice_filter. */
    public boolean hasExpressions() {
        return hasExpressions;
    }

    /** Everything a device needs to draw the form for these answers (a repeat's answer is an array of row objects). */
    public RuleResult evaluate(Map<String, JsonNode> answers, RuleContext context) {
        return RuleWalk.everything(this, answers, context);
    }

    /** The first problem in form order (rows in order), working out no more than it needs: the master's check. */
    public Optional<RuleProblem> firstProblem(Map<String, JsonNode> answers, RuleContext context) {
        return Optional.ofNullable(RuleWalk.firstProblem(this, answers, context));
    }

    List<RuleField> fields() {
        return fields;
    }

    boolean isRepeat(String name) {
        return repeats.contains(name);
    }

    boolean isCalculate(String name) {
        return calculates.contains(name);
    }

    boolean hasCalculations() {
        return !calculates.isEmpty();
    }

    /** The repeat whose rows hold question {@code name}, or null for a top-level question. */
    String repeatOf(String name) {
        return repeatOf.get(name);
    }

    private void index(List<RuleField> fields, String repeat) {
        for (RuleField f : fields) {
            switch (f.type()) {
                case GROUP -> index(f.children(), repeat);
                case REPEAT -> {
                    repeats.add(f.name());
                    index(f.children(), f.name());
                }
                case CALCULATE -> calculates.add(f.name());
                case TEXT, TEXTAREA, INTEGER, DECIMAL, DATE, TIME, SELECT_ONE, SELECT_MULTIPLE, BOOLEAN, NOTE,
                     GEOPOINT, IMAGE -> { }
            }
            if (repeat != null && f.type() != FieldType.GROUP) repeatOf.put(f.name(), repeat);
        }
    }

    private record Key(String id, int version) {
    }
}
