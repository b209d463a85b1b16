package org.lankit.ui;

import java.awt.BorderLayout;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;

/** The line at the bottom of the window: what just happened, or what went wrong and what to do. */
final class StatusBar extends JPanel {

    private final JLabel text = new JLabel(" ");

    StatusBar() {
        super(new BorderLayout());
        setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(1, 0, 0, 0, UIManager.getColor("Separator.foreground")),
                BorderFactory.createEmptyBorder(6, 12, 6, 12)));
        text.setName("status");
        add(text, BorderLayout.CENTER);
    }

    void info(String message) {
        show(message, UIManager.getColor("Label.foreground"));
    }

    void done(String message) {
        show(message, Theme.good());
    }

    void problem(String message) {
        show(message, Theme.bad());
    }

    /** Empties the line (another screen is shown: the message was about the one left). */
    void clear() {
        show(null, UIManager.getColor("Label.foreground"));
    }

    String message() {
        return text.getText();
    }

    private void show(String message, java.awt.Color colour) {
        Background.requireUiThread();
        text.setForeground(colour);
        text.setText(message == null || message.isEmpty() ? " " : message);
        text.getAccessibleContext().setAccessibleDescription(message);
    }
}
