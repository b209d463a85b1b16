package org.lankit.ui;

import java.awt.Component;
import java.awt.Font;
import java.nio.file.Path;
import java.util.Optional;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.BoxLayout;

/** Asks for the team's recovery key to open a backup made on another laptop (or before a new key). */
final class RecoveryKeyPrompt {

    private RecoveryKeyPrompt() {
    }

    /** The key as typed, or empty when the coordinator cancels. {@code again}: the last key given did not open it. */
    static Optional<String> ask(Component parent, Path file, boolean again) {
        JTextField field = new JTextField(32);
        field.setName("recoveryKeyField");
        field.setFont(new Font(Font.MONOSPACED, Font.PLAIN, field.getFont().getSize() + 2));
        JPanel body = new JPanel();
        body.setLayout(new BoxLayout(body, BoxLayout.Y_AXIS));
        if (again) {
            JLabel wrong = new JLabel(Text.get("recovery.ask.wrong"));
            wrong.setForeground(Theme.warning());
            body.add(wrong);
        }
        body.add(new JLabel(Text.get("recovery.ask.encrypted", file.getFileName())));
        body.add(new JLabel(Text.get("recovery.ask.shape")));
        body.add(field);
        Object[] buttons = {Text.get("recovery.ask.restore"), Text.get("recovery.ask.cancel")};
        JOptionPane pane = new JOptionPane(body, JOptionPane.QUESTION_MESSAGE, JOptionPane.OK_CANCEL_OPTION, null, buttons, buttons[0]);
        var dialog = pane.createDialog(parent, Text.get("recovery.ask.title"));
        dialog.setName("recoveryKeyPrompt");
        dialog.addWindowFocusListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowGainedFocus(java.awt.event.WindowEvent e) {
                field.requestFocusInWindow();
            }
        });
        dialog.setVisible(true);
        dialog.dispose();
        if (!buttons[0].equals(pane.getValue()) || field.getText().isBlank()) return Optional.empty();
        return Optional.of(field.getText().strip());
    }
}
