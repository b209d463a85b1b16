package org.lankit.sync;

import java.util.function.LongSupplier;

/**
 * The clock of one device. Every timestamp it hands out is greater than every timestamp it
 * handed out or saw before, even when the wall clock jumps back. Devices other than the master
 * also keep an offset to the master's time, so a phone whose clock is wrong still stamps edits
 * in the right order. Thread-safe.
 */
public final class HlcClock {

    private final String deviceId;
    private final LongSupplier wallClock;
    private long offsetMs;
    private long lastWall;
    private int lastCounter;

    public HlcClock(String deviceId, LongSupplier wallClock) {
        if (!Hlc.isValidDeviceId(deviceId)) throw new IllegalArgumentException("bad device id: " + deviceId);
        this.deviceId = deviceId;
        this.wallClock = wallClock;
    }

    public static HlcClock system(String deviceId) {
        return new HlcClock(deviceId, System::currentTimeMillis);
    }

    public String deviceId() {
        return deviceId;
    }

    /** A fresh timestamp for a local event. */
    public synchronized Hlc now() {
        long wall = physicalNow();
        if (wall > lastWall) {
            lastWall = wall;
            lastCounter = 0;
        } else {
            bumpCounter();
        }
        return new Hlc(lastWall, lastCounter, deviceId);
    }

    /**
     * The master refused this device's stamps as ahead of its time ({@link ClockLimit}; the answer's
     * time was followed first): later stamps start from the master's time again, not after the
     * refused ones.
     */
    public synchronized void dropFuture() {
        long wall = physicalNow();
        if (lastWall > wall) {
            lastWall = wall;
            lastCounter = 0;
        }
    }

    /** Takes in a timestamp seen from another device, so later local ones sort after it. */
    public synchronized void observe(Hlc remote) {
        long wall = physicalNow();
        long max = Math.max(wall, Math.max(lastWall, remote.wallMs()));
        if (max == lastWall && max == remote.wallMs()) {
            lastCounter = Math.max(lastCounter, remote.counter());
            bumpCounter();
        } else if (max == lastWall) {
            bumpCounter();
        } else if (max == remote.wallMs()) {
            lastWall = max;
            lastCounter = remote.counter();
            bumpCounter();
        } else {
            lastWall = max;
            lastCounter = 0;
        }
    }

    /** Sets the offset so that this device's physical time follows the given reference (the master's). */
    public synchronized void followReference(long referenceTimeMs) {
        offsetMs = referenceTimeMs - wallClock.getAsLong();
    }

    public synchronized long physicalNow() {
        return wallClock.getAsLong() + offsetMs;
    }

    private void bumpCounter() {
        if (lastCounter < Hlc.MAX_COUNTER) {
            lastCounter++;
        } else {
            // a million events in one millisecond: borrow the next millisecond instead of overflowing
            lastWall++;
            lastCounter = 0;
        }
    }
}
