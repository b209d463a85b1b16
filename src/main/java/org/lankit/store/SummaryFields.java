package org.lankit.store;

import java.util.Arrays;
import java.util.List;
import org.lankit.sync.FieldType;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;

/**
 * Which answers the coordinator's list of entries shows for each form (a respondent, a village),
 * so rows of one form can be told apart. Chosen on the Forms screen, kept per form id (every
 * version of the form) as the setting {@code summary.<form id>}: field names, comma-separated,
 * empty for none. Without a choice, or when every chosen question has gone from the form, the
 * form's first two questions are shown.
 */
public final class SummaryFields {

    /** How many questions a form shows before the coordinator chooses. */
    public static final int DEFAULT_COUNT = 2;
    static final String PREFIX = "summary.";

    private final Settings settings;

    public SummaryFields(Settings settings) {
        this.settings = settings;
    }

    /** The names of the answers to show for entries of {@code form}, in the form's order. */
    public List<String> of(Form form) {
        List<String> offered = offered(form).stream().map(FormField::name).toList();
        String stored = settings.get(PREFIX + form.id()).orElse(null);
        if (stored != null) {
            List<String> chosen = names(stored);
            List<String> kept = offered.stream().filter(chosen::contains).toList();
            if (chosen.isEmpty() || !kept.isEmpty()) return kept;
        }
        return offered.subList(0, Math.min(DEFAULT_COUNT, offered.size()));
    }

    /**
     * Remembers {@code names} for every version of {@code form} (an empty list shows no answers).
     *
     * @throws IllegalArgumentException when a name is not one of the form's {@link #offered} questions
     */
    public void choose(Form form, List<String> names) {
        List<String> offered = offered(form).stream().map(FormField::name).toList();
        for (String name : names) {
            if (!offered.contains(name)) throw new IllegalArgumentException(name + " is not a question of " + form.title());
        }
        settings.put(PREFIX + form.id(), String.join(",", offered.stream().filter(names::contains).toList()));
    }

    /** The questions a summary can show: every answer at the top of an entry except a repeat's rows. */
    public static List<FormField> offered(Form form) {
        return form.answerFields().stream().filter(f -> f.type() != FieldType.REPEAT).toList();
    }

    private static List<String> names(String stored) {
        return Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
