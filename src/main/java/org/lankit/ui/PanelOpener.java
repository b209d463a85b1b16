package org.lankit.ui;

import java.lang.reflect.InvocationTargetException;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import org.lankit.app.KitLifecycle;
import org.lankit.app.KitWindow;

/** The control panel as {@code app} finds it ({@code META-INF/services}): the one way {@code app} reaches {@code ui}. */
public final class PanelOpener implements KitWindow.Opener {

    @Override
    public void open(KitLifecycle kit) {
        ControlPanel.open(kit);
    }

    /** On the event thread, as every Swing call; the launching thread waits until the message is read. */
    @Override
    public void alreadyRunning(String line) {
        try {
            SwingUtilities.invokeAndWait(() -> JOptionPane.showMessageDialog(null, Text.get("start.running.headless") + "\n\n" + line,
                    Text.get("start.running.title"), JOptionPane.INFORMATION_MESSAGE));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
