package org.lankit.store;

/** One line of the audit log. */
public record AuditEvent(long time, String deviceId, String action, String entryUuid, String summary) {
}
