package org.lankit.hub;

import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.lankit.pairing.JoinCode;
import org.lankit.pairing.JoinCodes;
import org.lankit.pairing.LaptopJoinCode;
import org.lankit.pairing.Tokens;
import org.lankit.secure.CaPin;
import org.lankit.store.Device;
import org.lankit.store.DeviceRegistry;
import org.lankit.store.Settings;
import org.lankit.sync.Protocol.PairRequest;
import org.lankit.sync.Protocol.PairResponse;

/**
 * Pairs a device that offers a current join code: a new device id and a token only it knows.
 * A client laptop (which may edit the team's entries) pairs ready to send only with the laptop
 * join code, shown on the master alone; with the phone join code it waits for the coordinator's
 * approval, so a phone cannot give itself a laptop's rights. When the coordinator asks to approve
 * new devices, every new device waits until the control panel approves it. Wrong codes are slowed
 * down by a {@link PairingGuard}.
 */
public final class PairingService {

    /** Setting ("true"/"false", default false): new devices wait for the coordinator's approval. */
    public static final String APPROVE_NEW_DEVICES = "approveNewDevices";

    /** Which code a device paired with: the laptop code proves it was read on the master's screen. */
    private enum Grant { PHONE_CODE, LAPTOP_CODE }

    private final DeviceRegistry devices;
    private final Supplier<JoinCodes> codes;
    private final Optional<CaPin> kitPin;
    private final LongSupplier clock;
    private final BooleanSupplier approvalRequired;
    private final PairingGuard guard;

    /** {@code kitPin}: the kit authority's pin a laptop join code must end with (empty without HTTPS). */
    PairingService(DeviceRegistry devices, Supplier<JoinCodes> codes, Optional<CaPin> kitPin, LongSupplier clock,
                   BooleanSupplier approvalRequired, PairingGuard guard) {
        this.devices = devices;
        this.codes = codes;
        this.kitPin = kitPin;
        this.clock = clock;
        this.approvalRequired = approvalRequired;
        this.guard = guard;
    }

    /** Reads {@link #APPROVE_NEW_DEVICES} at each pairing, so the panel's switch applies at once. */
    public static BooleanSupplier approvalSetting(Settings settings) {
        return () -> settings.get(APPROVE_NEW_DEVICES).map(Boolean::parseBoolean).orElse(false);
    }

    /** {@code secure}: the request came over HTTPS; {@code address}: the device's, for the guard. */
    PairResponse pair(PairRequest request, boolean secure, String address) {
        if (request == null || request.code() == null) throw ApiException.badRequest("code is required");
        String kind = request.kind() == null ? "phone" : request.kind().toLowerCase(Locale.ROOT);
        if (!kind.equals("phone") && !kind.equals("client")) throw ApiException.badRequest("kind must be phone or client");
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 60) throw ApiException.badRequest("name must be 1 to 60 characters");
        Grant grant = guard.attempt(address, () -> grant(request.code())).orElseThrow(() -> ApiException.forbidden(
                "wrong_join_code", "this join code is wrong or no longer valid: ask the coordinator to show the QR code again"));
        boolean mayEditTeam = kind.equals("client");
        boolean approved = !approvalRequired.getAsBoolean() && switch (grant) {
            case LAPTOP_CODE -> true;
            case PHONE_CODE -> !mayEditTeam;
        };

        String deviceId = Tokens.newDeviceId();
        String token = Tokens.newToken();
        long now = clock.getAsLong();
        devices.add(new Device(deviceId, name, kind, approved, false, now, now, secure), Tokens.hash(token));
        return new PairResponse(deviceId, token, now);
    }

    /** The phone code alone, or the laptop code followed by this kit's pin; anything else is wrong. */
    private Optional<Grant> grant(String offered) {
        JoinCodes current = codes.get();
        if (JoinCode.matches(current.phone(), offered)) return Optional.of(Grant.PHONE_CODE);
        LaptopJoinCode typed = LaptopJoinCode.parse(offered);
        boolean laptopCode = JoinCode.matches(current.laptop(), typed.joinCode());
        boolean pin = typed.pin().isPresent() && kitPin.isPresent() && kitPin.get().matches(typed.pin().get());
        return laptopCode && pin ? Optional.of(Grant.LAPTOP_CODE) : Optional.empty();
    }
}
