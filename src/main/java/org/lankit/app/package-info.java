/**
 * Start-up and wiring: the command line, the role (master or client), and {@link org.lankit.app.KitLifecycle},
 * the one place where the data folder is claimed and the store, hub, peer and uploader are started and
 * stopped, for the window as for headless. The window is reached only through {@link org.lankit.app.KitWindow}.
 */
package org.lankit.app;
