package org.lankit.ui;

import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import javax.swing.JTextField;
import org.lankit.upstream.Redaction;

/**
 * A server address that may carry a secret (ODK Central's app-user token, {@code user:pass@}):
 * shown masked once stored or typed in and left, and standing for the real address as long as
 * the masked text is not changed.
 */
final class AddressField extends JTextField {

    private String real = "";
    private String shown = "";

    AddressField(int columns) {
        super(columns);
        addFocusListener(new FocusAdapter() {
            @Override
            public void focusLost(FocusEvent e) {
                String typed = address();
                show(typed, Redaction.text(typed));
            }
        });
    }

    /** Shows {@code masked} in place of {@code address}. */
    void show(String address, String masked) {
        real = address;
        shown = masked;
        setText(masked);
    }

    /** What was typed, or the real address while its masked form is left as it is. */
    String address() {
        String typed = getText().strip();
        return typed.equals(shown.strip()) ? real : typed;
    }
}
