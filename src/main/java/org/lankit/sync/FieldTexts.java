package org.lankit.sync;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A field's words in one language other than the form's default; null = use the default's. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldTexts(String label, String hint, String constraintMessage, String requiredMessage) {
}
