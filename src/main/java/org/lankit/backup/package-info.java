/**
 * Backup, restore and export: one zip that holds everything needed to rebuild a master (forms,
 * entries with every field clock and conflict, devices without secrets, the audit log, a CSV per
 * form, the photos) with a manifest of SHA-256 sums signed by the team's kit authority; export streams and
 * writes atomically, import verifies (signature, sums, record sizes, clocks) before it changes
 * anything and merges by the sync rules. Also automatic backups and the
 * optional retention of entries the team's API already holds.
 */
package org.lankit.backup;
