package org.lankit.sync;

import java.math.BigDecimal;
import java.util.List;

/** The form that ships with the kit, so it is useful at first start. */
public final class DefaultForm {

    public static final String ID = "household_visit";

    private DefaultForm() {
    }

    public static Form householdVisit() {
        return new Form(ID, 1, "Household visit", List.of(
                FormField.of("respondent", "Respondent", FieldType.TEXT, true),
                FormField.of("village", "Village", FieldType.TEXT, false),
                new FormField("household_size", "Household size", FieldType.INTEGER, true, null,
                        BigDecimal.ONE, BigDecimal.valueOf(50)),
                FormField.of("visit_date", "Visit date", FieldType.DATE, false),
                new FormField("water_source", "Water source", FieldType.SELECT_ONE, false,
                        List.of("well", "tap", "river", "other"), null, null),
                FormField.of("notes", "Notes", FieldType.TEXTAREA, false)));
    }
}
