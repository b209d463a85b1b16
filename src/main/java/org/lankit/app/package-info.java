/**
 * Start-up and wiring: the command line, the role (master or client), and the one place where the
 * store, hub, peer, uploader and window are put together.
 */
package org.lankit.app;
