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
import javax.swing.SwingConstants;
import org.lankit.app.Role;

/** The one question of the first start: does this laptop start a team, join one, or take a lost master's place from its backup? */
final class RoleChooser extends JPanel {

    RoleChooser(Consumer<Role> chosen, Runnable restoreTeam) {
        super(new GridBagLayout());
        setName("roleChooser");
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.insets = new Insets(8, 24, 8, 24);
        add(Theme.scale(new JLabel(Text.get("start.welcome"), SwingConstants.CENTER), 2f, Font.BOLD), c);
        add(Theme.scale(new JLabel(Text.get("start.question"), SwingConstants.CENTER), 1.3f, Font.PLAIN), c);
        c.insets = new Insets(16, 24, 4, 24);
        JButton start = choice("startTeam", Text.get("start.master"), KeyEvent.VK_S);
        add(start, c);
        c.insets = new Insets(0, 24, 8, 24);
        add(hint(Text.get("start.master.hint")), c);
        c.insets = new Insets(16, 24, 4, 24);
        JButton join = choice("joinTeam", Text.get("start.client"), KeyEvent.VK_J);
        add(join, c);
        c.insets = new Insets(0, 24, 8, 24);
        add(hint(Text.get("start.client.hint")), c);
        c.insets = new Insets(16, 24, 4, 24);
        JButton restore = Theme.scale(new JButton(Text.get("start.restore")), 1.1f, Font.PLAIN);
        restore.setName("restoreTeam");
        restore.setMnemonic(KeyEvent.VK_R);
        add(restore, c);
        c.insets = new Insets(0, 24, 8, 24);
        add(hint(Text.get("start.restore.hint")), c);
        start.addActionListener(e -> {
            disableAll(start, join, restore);
            chosen.accept(Role.MASTER);
        });
        join.addActionListener(e -> {
            disableAll(start, join, restore);
            chosen.accept(Role.CLIENT);
        });
        restore.addActionListener(e -> restoreTeam.run());
    }

    @Override
    public void addNotify() {
        super.addNotify();
        getComponent(2).requestFocusInWindow();
    }

    private static JButton choice(String name, String text, int mnemonic) {
        JButton b = Theme.scale(new JButton(text), 1.5f, Font.BOLD);
        b.setName(name);
        b.setMnemonic(mnemonic);
        b.setMargin(new Insets(14, 32, 14, 32));
        return b;
    }

    private static JLabel hint(String text) {
        JLabel l = new JLabel(text, SwingConstants.CENTER);
        l.setForeground(Theme.muted());
        return l;
    }

    private static void disableAll(JButton... buttons) {
        for (JButton b : buttons) b.setEnabled(false);
    }
}
