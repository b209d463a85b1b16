package org.lankit.ui;

import java.nio.file.Path;
import java.util.Optional;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.lankit.app.KitLifecycle;
import org.lankit.backup.BackupLockedException;
import org.lankit.backup.BackupUnlock;

/**
 * "Restore the team from a backup…" on a first start: a new laptop takes the lost master's place
 * from its backup, opened with the team's recovery key (asked again after a wrong one), then the
 * team starts.
 */
final class FirstStartRestore {

    private final JFrame frame;
    private final Background background;
    private final StatusBar status;
    private final KitLifecycle lifecycle;
    private final Runnable restored;

    FirstStartRestore(JFrame frame, Background background, StatusBar status, KitLifecycle lifecycle, Runnable restored) {
        this.frame = frame;
        this.background = background;
        this.status = status;
        this.lifecycle = lifecycle;
        this.restored = restored;
    }

    void pickAndRestore() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle(Text.get("start.restore.title"));
        chooser.setFileFilter(new FileNameExtensionFilter(Text.get("start.restore.files"), "lankit", "zip"));
        if (chooser.showOpenDialog(frame) != JFileChooser.APPROVE_OPTION) return;
        askKeyAndRestore(chooser.getSelectedFile().toPath(), false);
    }

    private void askKeyAndRestore(Path file, boolean again) {
        Optional<String> key = RecoveryKeyPrompt.ask(frame, file, again);
        if (key.isEmpty()) return;
        status.info(Text.get("start.restore.running", file.getFileName()));
        background.call(() -> {
            BackupUnlock unlock;
            try {
                unlock = BackupUnlock.recoveryKey(key.get());
            } catch (IllegalArgumentException e) {
                return new Outcome(null, e.getMessage());
            }
            try {
                return new Outcome(lifecycle.restoreTeam(file, unlock), null);
            } catch (BackupLockedException e) {
                return new Outcome(null, e.getMessage());
            }
        }, outcome -> {
            if (outcome.keyProblem() != null) {
                status.problem(Text.get("start.restore.refused", outcome.keyProblem()));
                askKeyAndRestore(file, true);
                return;
            }
            status.done(outcome.summary().lines().findFirst().orElse(Text.get("start.restore.done")));
            restored.run();
        }, problem -> status.problem(Text.get("start.restore.failed", problem)));
    }

    /** A restore's summary, or why the key given did not open the backup. */
    private record Outcome(String summary, String keyProblem) {
    }
}
