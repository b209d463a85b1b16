package org.lankit.upstream;

import java.util.Optional;
import org.lankit.sync.Form;

/** The form versions entries were typed on, for targets that lay an entry out as its form does (OpenRosa's groups and repeats). */
@FunctionalInterface
public interface FormVersions {

    /** None known: entries are laid out flat, one element per answer. */
    FormVersions NONE = (formId, version) -> Optional.empty();

    Optional<Form> version(String formId, int version);
}
