package org.lankit.ui;

import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.HierarchyEvent;
import java.nio.file.Path;
import java.util.Optional;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;

/**
 * "Second place" on the backup screen: a folder away from this laptop (a USB stick, a shared
 * folder) where every automatic backup is copied too, and a warning while no copy there is
 * younger than a day. Read again each time the screen is shown.
 */
final class SecondPlacePanel extends JPanel {

    private final BackupExporter backups;
    private final Background background;
    private final StatusBar status;
    private final JLabel where = new JLabel(" ");
    private final JLabel warning = new JLabel(" ");
    private final JButton stop = new JButton(Text.get("backup.secondPlace.stop"));

    SecondPlacePanel(BackupExporter backups, Background background, StatusBar status) {
        super(new GridBagLayout());
        this.backups = backups;
        this.background = background;
        this.status = status;
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.anchor = GridBagConstraints.NORTHWEST;
        c.insets = new Insets(4, 0, 4, 0);
        add(Theme.scale(new JLabel(Text.get("backup.secondPlace.title")), 1.2f, Font.BOLD), c);
        add(new JLabel(Text.get("backup.secondPlace.what")), c);
        where.setName("secondPlace");
        warning.setName("secondPlaceWarning");
        warning.setForeground(Theme.warning());
        JButton choose = new JButton(Text.get("backup.secondPlace.choose"));
        choose.setName("chooseSecondPlace");
        choose.addActionListener(e -> choose());
        stop.setName("stopSecondPlace");
        stop.addActionListener(e -> apply(Optional.empty()));
        JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        row.add(where);
        row.add(choose);
        row.add(stop);
        add(row, c);
        add(warning, c);
        addHierarchyListener(e -> {
            if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0 && isShowing()) reload();
        });
    }

    void reload() {
        background.run(Text.get("backup.secondPlace.cannotRead"), backups::secondPlace, this::show);
    }

    private void choose() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle(Text.get("backup.secondPlace.chooseTitle"));
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        if (chooser.showDialog(this, Text.get("backup.secondPlace.use")) == JFileChooser.APPROVE_OPTION) {
            apply(Optional.of(chooser.getSelectedFile().toPath()));
        }
    }

    private void apply(Optional<Path> folder) {
        status.info(folder.map(f -> Text.get("backup.secondPlace.copying", f)).orElse(Text.get("backup.secondPlace.stopped")));
        background.run(Text.get("backup.secondPlace.notSet"), () -> backups.secondPlace(folder), view -> {
            show(view);
            if (view.warning().isEmpty()) status.done(view.state());
        });
    }

    private void show(BackupExporter.SecondPlaceView view) {
        where.setText(view.folder().map(f -> Text.get("backup.secondPlace.where", f)).orElse(Text.get("backup.secondPlace.nowhere")));
        stop.setEnabled(view.folder().isPresent());
        warning.setText(view.warning().orElse(view.state()));
        warning.setForeground(view.warning().isPresent() ? Theme.warning() : Theme.muted());
    }
}
