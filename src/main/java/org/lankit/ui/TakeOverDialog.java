package org.lankit.ui;

import java.awt.Component;
import javax.swing.JOptionPane;

/** The warning before a client laptop takes over as the team's master: only when the old master is gone for good. */
final class TakeOverDialog {

    private TakeOverDialog() {
    }

    static boolean confirm(Component parent) {
        Object[] buttons = {Text.get("takeover.yes"), Text.get("takeover.cancel")};
        int answer = JOptionPane.showOptionDialog(parent, Text.get("takeover.message"), Text.get("takeover.title"),
                JOptionPane.YES_NO_OPTION, JOptionPane.WARNING_MESSAGE, null, buttons, buttons[1]);
        return answer == 0;
    }
}
