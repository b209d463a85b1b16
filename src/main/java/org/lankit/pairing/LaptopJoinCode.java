package org.lankit.pairing;

import java.util.Arrays;
import java.util.Optional;
import org.lankit.secure.CaPin;

/**
 * The code a client laptop types to join: the laptop code (shown only on the master) followed by
 * the kit authority's pin, four groups of four ("W8RT-3HNC-E88B-X796-0ATQ-D6Y6"). Without the pin
 * it is the plain join code phones use. The laptop checks the master's certificate against the
 * pin and sends the whole code; the master checks both parts before it trusts a laptop.
 */
public record LaptopJoinCode(String joinCode, Optional<String> pin) {

    private static final int PIN_GROUPS = 4;

    public static LaptopJoinCode parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        String[] groups = text.split("[\\s-]+");
        if (groups.length > PIN_GROUPS) {
            String[] tail = Arrays.copyOfRange(groups, groups.length - PIN_GROUPS, groups.length);
            Optional<String> pin = Arrays.stream(tail).allMatch(g -> g.length() == 4)
                    ? CaPin.normalise(String.join("", tail)) : Optional.empty();
            if (pin.isPresent()) {
                return new LaptopJoinCode(String.join("-", Arrays.copyOfRange(groups, 0, groups.length - PIN_GROUPS)), pin);
            }
        }
        return new LaptopJoinCode(text, Optional.empty());
    }
}
