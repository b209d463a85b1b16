package org.lankit.ui;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.UIManager;
import org.lankit.ui.Views.Choice;
import org.lankit.ui.Views.ConflictCard;

/**
 * Answers two people changed at the same time: each open conflict shows the values side by side
 * (value, who, when) and one click keeps one of them for everybody.
 */
final class ConflictsPanel extends JPanel {

    private final MasterConsole console;
    private final Background background;
    private final StatusBar status;
    private final Runnable changed;
    private final ColumnPanel cards = new ColumnPanel();
    private List<ConflictCard> shown;

    ConflictsPanel(MasterConsole console, Background background, StatusBar status, Runnable changed) {
        super(new BorderLayout(0, 8));
        this.console = console;
        this.background = background;
        this.status = status;
        this.changed = changed;
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        JPanel what = new JPanel(new GridLayout(0, 1));
        what.add(new JLabel(Text.get("conflicts.what")));
        what.add(new JLabel(Text.get("conflicts.pick")));
        add(what, BorderLayout.NORTH);
        cards.setLayout(new BoxLayout(cards, BoxLayout.Y_AXIS));
        JScrollPane scroll = new JScrollPane(cards);
        scroll.getVerticalScrollBar().setUnitIncrement(24);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        add(scroll, BorderLayout.CENTER);
        show(List.of());
    }

    void show(List<ConflictCard> conflicts) {
        if (conflicts.equals(shown)) return;
        shown = conflicts;
        cards.removeAll();
        if (conflicts.isEmpty()) {
            JLabel none = Theme.scale(new JLabel(Text.get("conflicts.none")), 1.3f, Font.PLAIN);
            none.setName("noConflicts");
            cards.add(none);
        }
        for (int i = 0; i < conflicts.size(); i++) {
            cards.add(card(conflicts.get(i), i));
            cards.add(Box.createVerticalStrut(12));
        }
        cards.revalidate();
        cards.repaint();
    }

    private JPanel card(ConflictCard conflict, int index) {
        JPanel card = new JPanel(new BorderLayout(0, 8));
        card.setName("conflict-" + index);
        card.setBackground(UIManager.getColor("Lankit.card.background"));
        card.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createLineBorder(UIManager.getColor("Component.borderColor")),
                BorderFactory.createEmptyBorder(12, 12, 12, 12)));
        JPanel heading = new JPanel(new GridLayout(0, 1));
        heading.setOpaque(false);
        heading.add(Theme.scale(new JLabel(conflict.question()), 1.3f, Font.BOLD));
        JLabel which = new JLabel(conflict.entryTitle());
        which.setForeground(Theme.muted());
        heading.add(which);
        card.add(heading, BorderLayout.NORTH);
        JPanel side = new JPanel(new GridLayout(1, 0, 12, 0));
        side.setOpaque(false);
        List<JButton> buttons = new ArrayList<>();
        for (int j = 0; j < conflict.choices().size(); j++) {
            side.add(choice(conflict, conflict.choices().get(j), "keep-" + index + "-" + j, buttons));
        }
        card.add(side, BorderLayout.CENTER);
        card.setAlignmentX(LEFT_ALIGNMENT);
        card.setMaximumSize(new java.awt.Dimension(Integer.MAX_VALUE, card.getPreferredSize().height));
        return card;
    }

    private JPanel choice(ConflictCard conflict, Choice choice, String name, List<JButton> buttons) {
        JPanel box = new JPanel(new GridLayout(0, 1, 0, 2));
        box.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createLineBorder(UIManager.getColor(choice.current() ? "Component.focusColor" : "Component.borderColor")),
                BorderFactory.createEmptyBorder(8, 10, 8, 10)));
        box.add(Theme.scale(new JLabel(choice.text()), 1.4f, Font.BOLD));
        box.add(new JLabel(choice.when().isEmpty() ? Text.get("conflicts.by", choice.by())
                : Text.get("conflicts.byWhen", choice.by(), choice.when())));
        JLabel note = new JLabel(choice.current() ? Text.get("conflicts.current") : Text.get("conflicts.other"));
        note.setForeground(Theme.muted());
        box.add(note);
        JButton keep = new JButton(Text.get("conflicts.keep"));
        keep.setName(name);
        keep.getAccessibleContext().setAccessibleName(Text.get("conflicts.keep.accessible", choice.text(), conflict.question()));
        keep.addActionListener(e -> {
            buttons.forEach(b -> b.setEnabled(false));
            background.call(() -> {
                console.resolve(conflict.uuid(), conflict.field(), choice.value());
                return choice.text();
            }, kept -> {
                status.done(Text.get("conflicts.kept", kept, conflict.question()));
                changed.run();
            }, problem -> {
                buttons.forEach(b -> b.setEnabled(true));
                status.problem(Text.get("conflicts.notKept", problem));
            });
        });
        buttons.add(keep);
        JPanel row = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 0, 4));
        row.setOpaque(false);
        row.add(keep);
        box.add(row);
        return box;
    }
}
