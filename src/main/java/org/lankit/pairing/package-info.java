/**
 * Joining a team: join codes, device ids and tokens (stored only as hashes), the LAN address and
 * join URL shown to phones, the QR image, and discovery of masters on the LAN.
 */
package org.lankit.pairing;
