package org.lankit.store;

import io.objectbox.Box;
import io.objectbox.query.Query;
import io.objectbox.query.QueryBuilder.StringOrder;
import java.util.List;
import java.util.Optional;

/** Devices paired with the master, found by the hash of their token. */
public final class DeviceRegistry {

    private final Box<DeviceRecord> box;
    private final FailedCommits commits;

    DeviceRegistry(Box<DeviceRecord> box, FailedCommits commits) {
        this.box = box;
        this.commits = commits;
    }

    public synchronized void add(Device device, String tokenHash) {
        DeviceRecord r = new DeviceRecord();
        r.deviceId = device.deviceId();
        r.name = device.name();
        r.kind = device.kind();
        r.approved = device.approved();
        r.revoked = device.revoked();
        r.pairedAt = device.pairedAt();
        r.lastSeen = device.lastSeen();
        r.lastSecure = device.secure();
        r.tokenHash = tokenHash;
        commits.write(() -> box.put(r));
    }

    public Optional<Device> byTokenHash(String tokenHash) {
        try (Query<DeviceRecord> q = box.query(DeviceRecord_.tokenHash.equal(tokenHash, StringOrder.CASE_SENSITIVE)).build()) {
            return Optional.ofNullable(q.findFirst()).map(RecordCodec::device);
        }
    }

    public Optional<Device> byId(String deviceId) {
        return Optional.ofNullable(record(deviceId)).map(RecordCodec::device);
    }

    /** The hash of the device's token, for a take-over's bundle; empty for a device restored without one. */
    public Optional<String> tokenHash(String deviceId) {
        return Optional.ofNullable(record(deviceId)).map(r -> r.tokenHash);
    }

    public List<Device> all() {
        return ReadTx.read(box, box::getAll).stream().map(RecordCodec::device).toList();
    }

    public long count() {
        return ReadTx.read(box, box::count);
    }

    public synchronized void revoke(String deviceId) {
        update(deviceId, r -> r.revoked = true);
    }

    public synchronized void rename(String deviceId, String name) {
        update(deviceId, r -> r.name = name);
    }

    public synchronized void setApproved(String deviceId, boolean approved) {
        update(deviceId, r -> r.approved = approved);
    }

    /** The device called at {@code when}, over HTTPS or not. */
    public synchronized void touch(String deviceId, long when, boolean secure) {
        update(deviceId, r -> {
            r.lastSeen = when;
            r.lastSecure = secure;
        });
    }

    private void update(String deviceId, java.util.function.Consumer<DeviceRecord> change) {
        DeviceRecord r = record(deviceId);
        if (r == null) throw new IllegalArgumentException("no device " + deviceId);
        change.accept(r);
        commits.write(() -> box.put(r));
    }

    private DeviceRecord record(String deviceId) {
        try (Query<DeviceRecord> q = box.query(DeviceRecord_.deviceId.equal(deviceId, StringOrder.CASE_SENSITIVE)).build()) {
            return q.findUnique();
        }
    }
}
