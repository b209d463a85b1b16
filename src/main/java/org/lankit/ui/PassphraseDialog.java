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
            Object[] buttons = isSet
                    ? new Object[] {Text.get("passphrase.change"), Text.get("passphrase.remove"), Text.get("passphrase.cancel")}
                    : new Object[] {Text.get("passphrase.set"), Text.get("passphrase.cancel")};
            String explanation = "<html><body style='width: 420px'>" + Text.get("passphrase.why") + "<br><br>"
                    + Text.get("passphrase.choose", DataKeys.MIN_PASSPHRASE) + "</body></html>";
            int answer = JOptionPane.showOptionDialog(parent, new Object[] {new JLabel(explanation), Text.get("passphrase.new"), first,
                            Text.get("passphrase.again"), again, said},
                    Text.get("passphrase.title"), JOptionPane.DEFAULT_OPTION, JOptionPane.PLAIN_MESSAGE, null, buttons, buttons[0]);
            char[] typed = first.getPassword();
            char[] repeated = again.getPassword();
            boolean same = Arrays.equals(typed, repeated);
            Arrays.fill(repeated, '\0');
            if (answer == 0) {
                if (typed.length >= DataKeys.MIN_PASSPHRASE && same) return Optional.of(new SetTo(typed));
                problem = same ? Text.get("passphrase.tooShort", DataKeys.MIN_PASSPHRASE) : Text.get("passphrase.differ");
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
