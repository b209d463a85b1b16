package org.lankit.ui;

import java.awt.Color;
import javax.swing.BorderFactory;
import javax.swing.JTextArea;
import javax.swing.UIManager;

/**
 * Words that wrap at the width they are given, never cut off: a read-only text area that looks
 * like a label (no box, no caret stop), so a long question, hint or answer reads as text and can
 * still be selected and copied.
 */
final class WrappedText extends JTextArea {

    WrappedText(String text) {
        super(text);
        setLineWrap(true);
        setWrapStyleWord(true);
        setEditable(false);
        setFocusable(false);
        setOpaque(false);
        setBorder(BorderFactory.createEmptyBorder());
        setFont(UIManager.getFont("Label.font"));
        setForeground(UIManager.getColor("Label.foreground"));
    }

    WrappedText(String text, Color colour) {
        this(text);
        setForeground(colour);
    }

    /** Shows {@code text}, or hides itself when there is none (a problem line that went away). */
    void say(String text) {
        setText(text == null ? "" : text);
        setVisible(text != null && !text.isBlank());
    }
}
