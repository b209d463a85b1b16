package org.lankit.upstream;

import java.util.Map;
import java.util.Optional;

/**
 * One team server the master uploads to, as the coordinator set it up.
 *
 * @param id     stable name of this upload slot ({@code main} for the first); receipts and the
 *               upload cursor are kept under it, so changing the address keeps what was delivered
 * @param kind   the protocol the server speaks
 * @param server address and credentials
 * @param forms  Lankit form id → the server's form id, where they differ (OpenRosa); a form not
 *               named here goes under its own id
 */
public record TargetSettings(String id, TargetKind kind, ApiTarget server, Map<String, String> forms) {

    public static final String MAIN = "main";

    public TargetSettings {
        if (id == null || !id.matches("[a-z0-9-]{1,32}")) throw new IllegalArgumentException("a target id is 1-32 of a-z, 0-9 and -");
        if (kind == null || server == null) throw new IllegalArgumentException("a target needs a kind and a server");
        forms = forms == null ? Map.of() : Map.copyOf(forms);
    }

    /** The server's form id for a Lankit form. */
    public String serverFormId(String formId) {
        return Optional.ofNullable(forms.get(formId)).orElse(formId);
    }

    @Override
    public String toString() {
        return id + ": " + kind.wireName() + " " + server;
    }
}
