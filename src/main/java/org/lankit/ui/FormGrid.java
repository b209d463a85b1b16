package org.lankit.ui;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSeparator;

/** Lays out a settings screen: headed sections of labelled fields, each with its hint in small grey words under it. */
final class FormGrid {

    /** One labelled field; {@code hint} is null when it has none. */
    record Row(JLabel label, JComponent field, JLabel hint) {

        void visible(boolean shown) {
            label.setVisible(shown);
            field.setVisible(shown);
            if (hint != null) hint.setVisible(shown);
        }

        void hint(String text) {
            hint.setText(text);
        }
    }

    private final JPanel panel;
    private final GridBagConstraints c = new GridBagConstraints();

    FormGrid(JPanel panel) {
        this.panel = panel;
        panel.setLayout(new GridBagLayout());
        c.insets = new Insets(4, 4, 4, 4);
        c.anchor = GridBagConstraints.WEST;
        c.gridy = -1;
    }

    void section(String title) {
        c.gridy++;
        c.gridx = 0;
        c.gridwidth = 2;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.insets = new Insets(c.gridy == 0 ? 0 : 16, 4, 4, 4);
        JPanel heading = new JPanel(new BorderLayout(8, 0));
        heading.add(Theme.scale(new JLabel(title), 1.2f, Font.BOLD), BorderLayout.WEST);
        heading.add(new JSeparator(), BorderLayout.CENTER);
        panel.add(heading, c);
        c.gridwidth = 1;
        c.fill = GridBagConstraints.NONE;
        c.insets = new Insets(4, 4, 4, 4);
    }

    /** A labelled field; an empty {@code hint} adds none. */
    Row row(String label, int mnemonic, JComponent field, String hint) {
        c.gridy++;
        c.gridx = 0;
        c.weightx = 0;
        JLabel l = new JLabel(label);
        if (mnemonic != 0) l.setDisplayedMnemonic(mnemonic);
        l.setLabelFor(field);
        panel.add(l, c);
        c.gridx = 1;
        c.weightx = 1;
        field.setMinimumSize(field.getPreferredSize());
        panel.add(field, c);
        if (hint.isEmpty()) return new Row(l, field, null);
        c.gridy++;
        c.insets = new Insets(0, 6, 8, 4);
        JLabel h = Theme.scale(new JLabel(hint), 0.92f, Font.PLAIN);
        h.setForeground(Theme.muted());
        panel.add(h, c);
        c.insets = new Insets(4, 4, 4, 4);
        return new Row(l, field, h);
    }

    /** Takes up the space left below, so the rows stay at the top. */
    void end() {
        c.gridy++;
        c.weighty = 1;
        panel.add(new JPanel(), c);
    }
}
