/**
 * Backup, restore and export: one encrypted file ({@link org.lankit.backup.BackupEnvelope}, opened
 * with the team's {@link org.lankit.backup.RecoveryKey}) around a zip that holds everything needed
 * to rebuild a master (forms, entries with every field clock and conflict, devices without
 * secrets, the team's identity, its servers with their secrets and upload receipts, the audit
 * log, a CSV per form, the photos) with a manifest of SHA-256 sums signed by the team's kit
 * authority; export streams, seals and writes atomically, import opens, verifies (signature, sums,
 * record sizes, clocks) before it changes anything and merges by the sync rules. Also automatic
 * backups, their copy to a {@link org.lankit.backup.SecondPlace}, and the optional retention of
 * entries the team's API already holds.
 */
package org.lankit.backup;
