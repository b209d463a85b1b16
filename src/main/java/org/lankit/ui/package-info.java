/** The Swing control panel (FlatLaf): renders the kit's state and sends commands, no business logic. */
package org.lankit.ui;
