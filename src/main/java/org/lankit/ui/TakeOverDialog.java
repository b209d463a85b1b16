package org.lankit.ui;

import java.awt.Component;
import javax.swing.JOptionPane;

/** The warning before a client laptop takes over as the team's master: only when the old master is gone for good. */
final class TakeOverDialog {

    private static final String MESSAGE = """
            Make this laptop the team's master?

            Do this only when the team's master laptop is gone for good: lost, stolen or broken.
            If it is only switched off or out of reach, wait for it instead.

            This laptop then:
              •  keeps the team's name, join codes, devices and team-server settings,
              •  takes entries from the phones and laptops (they keep their tokens:
                 give them this laptop's address with "new address"),
              •  sends entries to the team's server, except those it already holds.

            Should the old master come back, it stops taking entries and hands its
            last ones to this laptop. This cannot be undone.""";

    private TakeOverDialog() {
    }

    static boolean confirm(Component parent) {
        Object[] buttons = {"Make this laptop the master", "Cancel"};
        int answer = JOptionPane.showOptionDialog(parent, MESSAGE, "Take over as the team's master?", JOptionPane.YES_NO_OPTION,
                JOptionPane.WARNING_MESSAGE, null, buttons, buttons[1]);
        return answer == 0;
    }
}
