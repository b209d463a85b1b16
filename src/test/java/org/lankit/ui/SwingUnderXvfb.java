package org.lankit.ui;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes that open real Swing windows: skipped without a display (run under
 * xvfb-run), and failing on any Swing call off the event thread.
 */
final class SwingUnderXvfb implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (run under xvfb-run)");
        FailOnThreadViolationRepaintManager.install();
    }
}
