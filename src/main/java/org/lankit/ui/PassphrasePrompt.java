package org.lankit.ui;

import java.awt.Component;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import javax.swing.JDialog;
import javax.swing.JOptionPane;
import javax.swing.JPasswordField;
import org.lankit.secure.DataKeys;
import org.lankit.secure.KeyVaults;
import org.lankit.secure.WrongPassphraseException;

/**
 * At start, on a computer that lacks the data folder's key: asks for the folder's passphrase, up to
 * three times. The right one puts the key into this computer's vault, so the next start asks nothing.
 */
final class PassphrasePrompt {

    static final int TRIES = 3;

    private final Component parent;
    private final Background background;
    private final Path dataDir;
    private final Runnable onOpened;
    private final Consumer<String> onGiveUp;

    PassphrasePrompt(Component parent, Background background, Path dataDir, Runnable onOpened, Consumer<String> onGiveUp) {
        this.parent = parent;
        this.background = background;
        this.dataDir = dataDir;
        this.onOpened = onOpened;
        this.onGiveUp = onGiveUp;
    }

    void ask() {
        ask(TRIES, "");
    }

    private void ask(int triesLeft, String before) {
        JPasswordField field = new JPasswordField(24);
        field.setName("passphrase");
        String text = before + Text.get("passphrase.prompt");
        Object[] buttons = {Text.get("passphrase.open"), Text.get("passphrase.cancel")};
        JOptionPane pane = new JOptionPane(new Object[] {text, field}, JOptionPane.QUESTION_MESSAGE, JOptionPane.OK_CANCEL_OPTION,
                null, buttons, buttons[0]);
        pane.setName("passphrasePrompt");
        JDialog dialog = pane.createDialog(parent, Text.get("passphrase.prompt.title"));
        dialog.addWindowFocusListener(new WindowAdapter() {
            @Override
            public void windowGainedFocus(WindowEvent e) {
                field.requestFocusInWindow();
            }
        });
        dialog.setVisible(true);
        dialog.dispose();
        char[] typed = field.getPassword();
        if (pane.getValue() != buttons[0]) {
            Arrays.fill(typed, '\0');
            onGiveUp.accept(Text.get("passphrase.closed", dataDir));
            return;
        }
        background.call(() -> opens(typed), opened -> {
            if (opened) {
                onOpened.run();
            } else if (triesLeft > 1) {
                int left = triesLeft - 1;
                ask(left, Text.plural("passphrase.wrong", left) + "\n\n");
            } else {
                onGiveUp.accept(Text.get("passphrase.wrongThrice", dataDir));
            }
        }, onGiveUp);
    }

    /** Off the event thread: Argon2 takes about a second. */
    private boolean opens(char[] typed) {
        try {
            DataKeys.unlock(dataDir, KeyVaults.thisComputer(), typed);
            return true;
        } catch (WrongPassphraseException e) {
            return false;
        } finally {
            Arrays.fill(typed, '\0');
        }
    }
}
