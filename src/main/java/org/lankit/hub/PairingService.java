package org.lankit.hub;

import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.lankit.pairing.JoinCode;
import org.lankit.pairing.LaptopJoinCode;
import org.lankit.pairing.Tokens;
import org.lankit.store.Device;
import org.lankit.store.DeviceRegistry;
import org.lankit.store.Settings;
import org.lankit.sync.Protocol.PairRequest;
import org.lankit.sync.Protocol.PairResponse;

/**
 * Pairs a device that offers the current join code: a new device id and a token only it knows.
 * When the coordinator asks to approve new devices, the device waits (not approved) until the
 * control panel approves it.
 */
public final class PairingService {

    /** Setting ("true"/"false", default false): new devices wait for the coordinator's approval. */
    public static final String APPROVE_NEW_DEVICES = "approveNewDevices";

    private static final Set<String> KINDS = Set.of("phone", "client");

    private final DeviceRegistry devices;
    private final Supplier<String> currentJoinCode;
    private final LongSupplier clock;
    private final BooleanSupplier approvalRequired;

    public PairingService(DeviceRegistry devices, Supplier<String> currentJoinCode, LongSupplier clock) {
        this(devices, currentJoinCode, clock, () -> false);
    }

    public PairingService(DeviceRegistry devices, Supplier<String> currentJoinCode, LongSupplier clock,
                          BooleanSupplier approvalRequired) {
        this.devices = devices;
        this.currentJoinCode = currentJoinCode;
        this.clock = clock;
        this.approvalRequired = approvalRequired;
    }

    /** Reads {@link #APPROVE_NEW_DEVICES} at each pairing, so the panel's switch applies at once. */
    public static BooleanSupplier approvalSetting(Settings settings) {
        return () -> settings.get(APPROVE_NEW_DEVICES).map(Boolean::parseBoolean).orElse(false);
    }

    /** {@code secure}: the request came over HTTPS. */
    public PairResponse pair(PairRequest request, boolean secure) {
        if (request == null || request.code() == null) throw ApiException.badRequest("code is required");
        // a laptop join code carries the kit authority's pin after the join code: the pin is the laptop's to check
        if (!JoinCode.matches(currentJoinCode.get(), LaptopJoinCode.parse(request.code()).joinCode())) {
            throw ApiException.forbidden("wrong_join_code",
                    "this join code is wrong or no longer valid: ask the coordinator to show the QR code again");
        }
        String kind = request.kind() == null ? "phone" : request.kind().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) throw ApiException.badRequest("kind must be phone or client");
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 60) throw ApiException.badRequest("name must be 1 to 60 characters");

        String deviceId = Tokens.newDeviceId();
        String token = Tokens.newToken();
        long now = clock.getAsLong();
        devices.add(new Device(deviceId, name, kind, !approvalRequired.getAsBoolean(), false, now, now, secure),
                Tokens.hash(token));
        return new PairResponse(deviceId, token, now);
    }
}
