/**
 * The Swing control panel (FlatLaf): the first-start question, the master's screens (home with
 * the join QR code, entries, devices, conflicts, forms, settings, backup) and the client laptop's
 * screen. Panels render small view records ({@link org.lankit.ui.Views}) that the consoles build
 * from the engine off the event thread ({@link org.lankit.ui.Background}); commands go to the real
 * services. Parts built elsewhere (uploader, backup, peer sync) come in through small interfaces
 * ({@link org.lankit.ui.PanelServices}).
 */
package org.lankit.ui;
