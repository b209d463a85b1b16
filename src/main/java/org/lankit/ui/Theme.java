package org.lankit.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.swing.JComponent;
import javax.swing.UIManager;

/**
 * The look: FlatLaf light or dark as the operating system is set (the system property
 * {@code lankit.dark=true|false} overrides), with Lankit's colours from the FlatLaf properties
 * files in this package. Fonts are derived from the look's default font, so text follows the
 * system's scaling.
 */
final class Theme {

    private Theme() {
    }

    /** Asks the operating system for its dark setting; call it before the event thread starts. */
    static boolean systemPrefersDark() {
        String forced = System.getProperty("lankit.dark");
        if (forced != null) return Boolean.parseBoolean(forced);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return ask(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).contains("0x0");
        }
        if (os.contains("mac")) return ask(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).contains("dark");
        return ask(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")).contains("dark");
    }

    static void install(boolean dark) {
        FlatLaf.registerCustomDefaultsSource("org.lankit.ui");
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
    }

    static Color good() {
        return UIManager.getColor("Lankit.good");
    }

    static Color warning() {
        return UIManager.getColor("Lankit.warning");
    }

    static Color bad() {
        return UIManager.getColor("Lankit.bad");
    }

    static Color muted() {
        return UIManager.getColor("Label.disabledForeground");
    }

    /** Makes the component's text {@code factor} times the default size. */
    static <T extends JComponent> T scale(T c, float factor, int style) {
        Font base = UIManager.getFont("defaultFont") != null ? UIManager.getFont("defaultFont") : c.getFont();
        c.setFont(base.deriveFont(style, base.getSize2D() * factor));
        return c;
    }

    /** The command's output in lower case, or "" when it fails or takes more than two seconds. */
    private static String ask(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (InputStream out = p.getInputStream()) {
                if (!p.waitFor(2, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return "";
                }
                return new String(out.readNBytes(4096), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            }
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
