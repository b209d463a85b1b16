package org.lankit.upstream;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The protocol a team server speaks; each has its own {@link UploadTarget}. */
public enum TargetKind {
    /** Lankit's own JSON contract (upstream.md): one POST per batch with an Idempotency-Key. */
    JSON,
    /** OpenRosa form submission (ODK Central, KoboToolbox): one XForm instance per entry revision. */
    OPENROSA,
    /** CouchDB's {@code _bulk_docs}: one document per entry. */
    COUCHDB;

    /** The name on the command line ({@code --api-kind}) and in the stored settings. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TargetKind> ofWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
    }
}
