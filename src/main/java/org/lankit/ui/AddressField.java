package org.lankit.ui;

import javax.swing.JTextField;

/**
 * A server address that may carry a secret (ODK Central's app-user token, {@code user:pass@}):
 * a stored address is shown masked, and stands for the stored one as long as it is not changed.
 */
final class AddressField extends JTextField {

    private String stored = "";
    private String shown = "";

    AddressField(int columns) {
        super(columns);
    }

    /** Shows {@code masked} in place of {@code address}. */
    void show(String address, String masked) {
        stored = address;
        shown = masked;
        setText(masked);
    }

    /** What was typed, or the stored address while its masked form is left as it is. */
    String address() {
        String typed = getText().strip();
        return typed.equals(shown.strip()) ? stored : typed;
    }
}
