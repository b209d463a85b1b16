package org.lankit.pairing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.lankit.store.Device;
import org.lankit.store.SyncState;

/**
 * Notices when the address this master shows in its QR code changes (another WiFi, a new lease):
 * a phone keeps calling the address it last reached the master at until its worker types the
 * new one. Remembers which address was shown since when, so each phone's last contact says
 * which address it knows. The history is sync state: nobody chooses it.
 */
public final class AddressChange {

    static final String HISTORY = "address.history";
    private static final int KEPT = 10;

    /** {@code stranded} of the team's {@code phones} last reached the master at another address, most recently {@code previous}. */
    public record Moved(String previous, String current, int stranded, int phones) {
    }

    private record Shown(long since, String address) {
    }

    private final SyncState state;

    public AddressChange(SyncState state) {
        this.state = state;
    }

    /**
     * Takes note of the address shown now ({@code host:port}) and says whether phones are left at a
     * former one. Writes only when the address changes.
     */
    public Optional<Moved> observe(String current, List<Device> devices, long now) {
        List<Shown> history = load();
        if (history.isEmpty() || !history.get(history.size() - 1).address().equals(current)) {
            history.add(new Shown(now, current));
            if (history.size() > KEPT) history.remove(0);
            save(history);
        }
        List<Device> phones = devices.stream().filter(d -> "phone".equals(d.kind()) && d.approved() && !d.revoked()).toList();
        List<Device> stranded = phones.stream().filter(d -> !addressAt(history, d.lastSeen()).equals(current)).toList();
        if (stranded.isEmpty()) return Optional.empty();
        long latest = stranded.stream().map(Device::lastSeen).max(Comparator.naturalOrder()).orElseThrow();
        return Optional.of(new Moved(addressAt(history, latest), current, stranded.size(), phones.size()));
    }

    /** The address shown at {@code when}; before the first one noted, that first one. */
    private static String addressAt(List<Shown> history, long when) {
        String address = history.get(0).address();
        for (Shown s : history) {
            if (s.since() <= when) address = s.address();
        }
        return address;
    }

    private List<Shown> load() {
        List<Shown> history = new ArrayList<>();
        for (String line : state.get(HISTORY).orElse("").split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.substring(0, space).matches("\\d{1,18}")) {
                history.add(new Shown(Long.parseLong(line.substring(0, space)), line.substring(space + 1)));
            }
        }
        return history;
    }

    private void save(List<Shown> history) {
        StringBuilder text = new StringBuilder();
        for (Shown s : history) text.append(s.since()).append(' ').append(s.address()).append('\n');
        state.put(HISTORY, text.toString());
    }
}
