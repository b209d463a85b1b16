package org.lankit.app;

/**
 * The window the kit shows (the control panel), as the kit's lifecycle sees it. The {@code ui}
 * package implements it and is found through {@link java.util.ServiceLoader}, so {@code app}
 * never depends on {@code ui}: a build without a window still runs headless.
 */
public interface KitWindow {

    /** A second launch on the same data folder: show this window in front of the others. Called from any thread. */
    void bringToFront();

    /** Opens windows; one implementation, listed in {@code META-INF/services}. */
    interface Opener {

        /** Opens the control panel on {@code kit}, which holds the data folder already; returns at once. */
        void open(KitLifecycle kit);

        /**
         * Another launch already runs this data folder without a window: tell the person who
         * double-clicked, who may have no terminal to read {@code line} in. Returns once read.
         */
        void alreadyRunning(String line);
    }
}
