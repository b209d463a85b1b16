package org.lankit.hub;

import io.javalin.http.Context;
import java.util.Map;
import java.util.TreeMap;
import org.lankit.store.Device;
import org.lankit.store.DeviceRegistry;

/**
 * {@code GET /api/v1/team/names}: the names of the team's devices by device id, so that a phone
 * says "by Amina" under a teammate's entry instead of a device id. Names only: no token, kind,
 * address or last-seen time leaves the master this way.
 */
final class TeamNamesRoutes {

    /** The answer: device id to the name its worker typed when pairing (or the coordinator's rename). */
    record TeamNames(Map<String, String> names, long time) {
    }

    private final DeviceRegistry devices;
    private final MasterIdentity master;

    TeamNamesRoutes(DeviceRegistry devices, MasterIdentity master) {
        this.devices = devices;
        this.master = master;
    }

    /**
     * Approved devices, removed ones included (their entries stay in the team's list); a device
     * still waiting for the coordinator's approval is not a teammate yet.
     */
    void names(Context ctx) {
        Map<String, String> names = new TreeMap<>();
        for (Device device : devices.all()) {
            if (device.approved()) names.put(device.deviceId(), device.name());
        }
        ctx.json(new TeamNames(names, master.clock().physicalNow()));
    }
}
