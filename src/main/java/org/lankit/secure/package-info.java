/**
 * Secure mode: the team's own certificate authority, made on the master's first start and kept in
 * its data folder, and the server certificate it signs for the master's current LAN addresses, so
 * phones that trust the kit once get a secure context (offline reload, storage that stays) and
 * nothing crosses the WiFi in clear. Client laptops pin the authority by the short fingerprint
 * carried in their join code.
 */
package org.lankit.secure;
