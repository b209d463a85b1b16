package org.lankit.ui;

import javax.swing.JOptionPane;
import org.lankit.app.KitLifecycle;
import org.lankit.app.KitWindow;

/** The control panel as {@code app} finds it ({@code META-INF/services}): the one way {@code app} reaches {@code ui}. */
public final class PanelOpener implements KitWindow.Opener {

    @Override
    public void open(KitLifecycle kit) {
        ControlPanel.open(kit);
    }

    @Override
    public void alreadyRunning(String line) {
        JOptionPane.showMessageDialog(null, Text.get("start.running.headless") + "\n\n" + line, Text.get("start.running.title"), JOptionPane.INFORMATION_MESSAGE);
    }
}
