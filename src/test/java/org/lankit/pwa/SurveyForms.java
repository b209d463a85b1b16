package org.lankit.pwa;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lankit.sync.Choice;
import org.lankit.sync.FieldTexts;
import org.lankit.sync.FieldType;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;

/**
 * A household survey as an XLSForm would make it, built with the form model: a skip (children
 * only asked when there are any), a constraint with its message, a group, a repeat of members
 * with a calculation, a choice filter, a note showing answers, a default, and English and French words.
 */
final class SurveyForms {

    static final String ENGLISH = "English (en)";
    static final String FRENCH = "French (fr)";

    private SurveyForms() {
    }

    static Form household(int version, boolean withPhoneQuestion) {
        List<FormField> fields = new ArrayList<>(List.of(
                q("respondent", "Respondent", FieldType.TEXT).required().french("Personne interrogée").build(),
                q("has_children", "Any children under 5?", FieldType.SELECT_ONE)
                        .choices(choice("yes", "Yes", "Oui", Map.of()), choice("no", "No", "Non", Map.of()))
                        .french("Des enfants de moins de 5 ans ?").build(),
                q("children", "How many children under 5?", FieldType.INTEGER).relevant("${has_children} = 'yes'")
                        .constraint(". <= 10", "at most 10 children under 5", "au plus 10 enfants de moins de 5 ans")
                        .french("Combien d'enfants de moins de 5 ans ?").build(),
                q("home", "Home", FieldType.GROUP).fields(
                        q("region", "Region", FieldType.SELECT_ONE).choices(
                                choice("north", "North", "Nord", Map.of()), choice("south", "South", "Sud", Map.of())).build(),
                        q("village", "Village", FieldType.SELECT_ONE).choiceFilter("region = ${region}").choices(
                                choice("kaya", "Kaya", null, Map.of("region", "north")),
                                choice("ouahigouya", "Ouahigouya", null, Map.of("region", "north")),
                                choice("gaoua", "Gaoua", null, Map.of("region", "south"))).build(),
                        q("water", "Water sources", FieldType.SELECT_MULTIPLE).choices(
                                choice("tap", "Tap", "Robinet", Map.of()), choice("well", "Well", "Puits", Map.of()),
                                choice("river", "River", "Rivière", Map.of())).build(),
                        q("visit_time", "Time of the visit", FieldType.TIME).build(),
                        q("location", "Location of the house", FieldType.GEOPOINT).build()).build(),
                q("members", "Household members", FieldType.REPEAT).fields(
                        q("member_name", "Name", FieldType.TEXT).required().french("Nom").build(),
                        q("member_age", "Age", FieldType.INTEGER).constraint(". >= 0 and . < 120", "between 0 and 119 years", null)
                                .build()).build(),
                q("member_count", "Members counted", FieldType.CALCULATE).calculation("count(${members})").build(),
                q("thanks", "Thank ${respondent} before you leave (${member_count} members listed).", FieldType.NOTE).build(),
                q("consent", "Consent recorded", FieldType.SELECT_ONE).defaultValue("yes")
                        .choices(choice("yes", "Yes", "Oui", Map.of()), choice("no", "No", "Non", Map.of())).build()));
        if (withPhoneQuestion) fields.add(1, q("phone_number", "Phone number", FieldType.TEXT).build());
        return new Form("household-survey", version, "Household survey", fields, List.of(ENGLISH, FRENCH), ENGLISH, "household.xlsx");
    }

    private static Choice choice(String name, String label, String french, Map<String, String> columns) {
        return new Choice(name, label, french == null ? Map.of() : Map.of(FRENCH, french), columns);
    }

    private static Q q(String name, String label, FieldType type) {
        return new Q(name, label, type);
    }

    /** A question under construction: only what these tests set. */
    private static final class Q {
        private final String name;
        private final String label;
        private final FieldType type;
        private boolean required;
        private String relevant;
        private String constraint;
        private String constraintMessage;
        private String calculation;
        private String defaultValue;
        private String choiceFilter;
        private List<Choice> choices;
        private List<FormField> fields;
        private final Map<String, FieldTexts> translations = new LinkedHashMap<>();
        private String frenchLabel;
        private String frenchConstraintMessage;

        Q(String name, String label, FieldType type) {
            this.name = name;
            this.label = label;
            this.type = type;
        }

        Q required() {
            required = true;
            return this;
        }

        Q relevant(String expression) {
            relevant = expression;
            return this;
        }

        Q constraint(String expression, String message, String frenchMessage) {
            constraint = expression;
            constraintMessage = message;
            frenchConstraintMessage = frenchMessage;
            return this;
        }

        Q calculation(String expression) {
            calculation = expression;
            return this;
        }

        Q defaultValue(String value) {
            defaultValue = value;
            return this;
        }

        Q choiceFilter(String expression) {
            choiceFilter = expression;
            return this;
        }

        Q choices(Choice... all) {
            choices = List.of(all);
            return this;
        }

        Q fields(FormField... all) {
            fields = List.of(all);
            return this;
        }

        Q french(String text) {
            frenchLabel = text;
            return this;
        }

        FormField build() {
            if (frenchLabel != null || frenchConstraintMessage != null) {
                translations.put(FRENCH, new FieldTexts(frenchLabel, null, frenchConstraintMessage, null));
            }
            return new FormField(name, label, type, required, null, (BigDecimal) null, null, null, relevant, constraint,
                    constraintMessage, null, calculation, defaultValue, choiceFilter, null, choices, fields, translations);
        }
    }
}
