package org.lankit.ui;

import java.awt.Component;
import java.util.Arrays;
import java.util.Optional;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPasswordField;
import org.lankit.secure.DataKeys;

/** Settings → "Protect with a passphrase…": asks for a new passphrase (twice), or whether to remove the one set. */
final class PassphraseDialog {

    /** What the coordinator chose. */
    sealed interface Choice permits SetTo, Remove {
    }

    record SetTo(char[] passphrase) implements Choice {
    }

    record Remove() implements Choice {
    }

    static final String EXPLANATION = "<html><body style='width: 420px'>"
            + "With a passphrase, this data folder also opens on another computer: when this laptop breaks and its disk"
            + " or a copy of the folder goes into another one, Lankit asks for the passphrase there. Without one, the folder"
            + " opens only on this computer (a backup still opens with the team's recovery key).<br><br>"
            + "Choose at least " + DataKeys.MIN_PASSPHRASE + " characters, for example a few words. Write it down and keep it"
            + " apart from the laptop: Lankit cannot recover a forgotten passphrase.</body></html>";

    private PassphraseDialog() {
    }

    /** Empty when the coordinator cancels. Asks again, saying why, while the two passphrases differ or one is too short. */
    static Optional<Choice> ask(Component parent, boolean isSet) {
        String problem = "";
        while (true) {
            JPasswordField first = named(new JPasswordField(24), "newPassphrase");
            JPasswordField again = named(new JPasswordField(24), "samePassphrase");
            JLabel said = new JLabel(problem);
            said.setName("passphraseProblem");
            said.setForeground(Theme.bad());
            Object[] buttons = isSet ? new Object[] {"Change passphrase", "Remove passphrase", "Cancel"}
                    : new Object[] {"Set passphrase", "Cancel"};
            int answer = JOptionPane.showOptionDialog(parent,
                    new Object[] {new JLabel(EXPLANATION), "New passphrase:", first, "The same again:", again, said},
                    "Protect with a passphrase", JOptionPane.DEFAULT_OPTION, JOptionPane.PLAIN_MESSAGE, null, buttons, buttons[0]);
            char[] typed = first.getPassword();
            char[] repeated = again.getPassword();
            boolean same = Arrays.equals(typed, repeated);
            Arrays.fill(repeated, '\0');
            if (answer == 0) {
                if (typed.length >= DataKeys.MIN_PASSPHRASE && same) return Optional.of(new SetTo(typed));
                problem = same ? "That passphrase is too short: use at least " + DataKeys.MIN_PASSPHRASE + " characters."
                        : "The two passphrases differ. Type the same one twice.";
                Arrays.fill(typed, '\0');
                continue;
            }
            Arrays.fill(typed, '\0');
            if (isSet && answer == 1) return Optional.of(new Remove());
            return Optional.empty();
        }
    }

    private static JPasswordField named(JPasswordField field, String name) {
        field.setName(name);
        return field;
    }
}
