/**
 * This device's storage in ObjectBox: entries (with the master's sequence numbers and the
 * upload and local-pending state, and the change block that lets the changes feed read only what
 * changed), forms, paired devices, settings and the audit log; beside the database, the photos
 * entries name, as files under {@code attachments/} ({@link org.lankit.store.Attachments}). The data
 * folder is locked against a second process; the native library is unpacked outside the
 * user's folders.
 */
package org.lankit.store;
