package org.lankit.ui;

import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.KeyEvent;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.SwingConstants;

/**
 * "Start a team", second step: the team's name, offered as the computer's and chosen before
 * phones ever see it (they show it when they join). Changed later in Settings.
 */
final class TeamNameQuestion extends JPanel {

    /** The longest name Settings accepts too. */
    static final int MAX_LENGTH = 60;

    private final JTextField name = new JTextField(24);
    private final JLabel problem = new JLabel(" ", SwingConstants.CENTER);

    TeamNameQuestion(String suggested, Consumer<String> start, Runnable back) {
        super(new GridBagLayout());
        setName("teamNameQuestion");
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.insets = new Insets(8, 24, 8, 24);
        add(Theme.scale(new JLabel(Text.get("start.name.title"), SwingConstants.CENTER), 2f, Font.BOLD), c);
        JLabel question = Theme.scale(new JLabel(Text.get("start.name.question"), SwingConstants.CENTER), 1.3f, Font.PLAIN);
        question.setDisplayedMnemonic(KeyEvent.VK_N);
        question.setLabelFor(name);
        add(question, c);
        name.setName("teamName");
        name.setText(suggested);
        name.selectAll();
        name.setHorizontalAlignment(JTextField.CENTER);
        Theme.scale(name, 1.4f, Font.PLAIN);
        add(name, c);
        add(hint(Text.get("start.name.hint")), c);
        problem.setName("teamNameProblem");
        problem.setForeground(Theme.bad());
        add(problem, c);
        JButton go = Theme.scale(new JButton(Text.get("start.name.start")), 1.5f, Font.BOLD);
        go.setName("startWithName");
        go.setMnemonic(KeyEvent.VK_S);
        go.setMargin(new Insets(14, 32, 14, 32));
        JButton previous = new JButton(Text.get("start.name.back"));
        previous.setName("backToRoles");
        previous.setMnemonic(KeyEvent.VK_B);
        c.insets = new Insets(16, 24, 4, 24);
        add(go, c);
        c.fill = GridBagConstraints.NONE;
        add(previous, c);
        Runnable submit = () -> {
            String chosen = name.getText().strip();
            if (chosen.isEmpty() || chosen.length() > MAX_LENGTH) {
                problem.setText(Text.get("start.name.length", MAX_LENGTH));
                name.requestFocusInWindow();
                return;
            }
            go.setEnabled(false);
            previous.setEnabled(false);
            start.accept(chosen);
        };
        go.addActionListener(e -> submit.run());
        name.addActionListener(e -> submit.run());
        previous.addActionListener(e -> back.run());
    }

    @Override
    public void addNotify() {
        super.addNotify();
        name.requestFocusInWindow();
    }

    private static JLabel hint(String text) {
        JLabel l = new JLabel(text, SwingConstants.CENTER);
        l.setForeground(Theme.muted());
        return l;
    }
}
