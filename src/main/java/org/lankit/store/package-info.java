/**
 * This device's storage in ObjectBox: entries (with the master's sequence numbers and the
 * upload and local-pending state, and the change block that lets the changes feed read only what
 * changed), forms, paired devices and the audit log; an entry's JSON and the audit summaries sealed
 * with the folder's data key ({@code SealedRecords}); named values in three boxes
 * kept apart: the coordinator's {@link org.lankit.store.Settings} (among them the answers the
 * Entries list shows per form, {@link org.lankit.store.SummaryFields}), the
 * {@link org.lankit.store.SyncState} (cursors, checkpoints, batches in flight; sealed) and the
 * {@link org.lankit.store.Secrets} (sealed); beside the database, the photos
 * entries name, as files under {@code attachments/} ({@link org.lankit.store.Attachments}). The data
 * folder is locked against a second process; the native library is unpacked outside the
 * user's folders.
 */
package org.lankit.store;
