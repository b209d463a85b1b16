package org.lankit.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.Device;
import org.lankit.store.KitStore;

/** The master notices its QR address changed and counts the phones still calling a former one. */
class AddressChangeTest {

    private static final String HOME_WIFI = "192.168.1.10:8377";
    private static final String HOTSPOT = "172.20.10.2:8377";

    @TempDir
    Path dataDir;

    @Test
    void phones_that_last_reached_the_master_at_the_old_address_are_counted_until_each_reached_it_at_the_new_one() {
        try (KitStore store = KitStore.open(dataDir)) {
            AddressChange change = new AddressChange(store.syncState());
            store.devices().add(new Device("p1", "Amina", "phone", true, false, 1_000, 1_000, false), "h1");
            store.devices().add(new Device("p2", "Juma", "phone", true, false, 1_000, 1_500, false), "h2");
            store.devices().add(new Device("gone", "Lost phone", "phone", true, true, 1_000, 1_000, false), "h3");
            store.devices().add(new Device("wait", "Not approved", "phone", false, false, 1_000, 1_000, false), "h4");
            store.devices().add(new Device("l1", "Laptop", "client", true, false, 1_000, 1_000, false), "h5");

            assertThat(change.observe(HOME_WIFI, store.devices().all(), 2_000)).as("first address: nothing moved").isEmpty();
            assertThat(change.observe(HOME_WIFI, store.devices().all(), 3_000)).isEmpty();

            assertThat(change.observe(HOTSPOT, store.devices().all(), 10_000))
                    .contains(new AddressChange.Moved(HOME_WIFI, HOTSPOT, 2, 2));
            store.devices().add(new Device("p3", "New phone", "phone", true, false, 11_000, 11_000, false), "h6");
            store.devices().touch("p1", 12_000, false);
            assertThat(change.observe(HOTSPOT, store.devices().all(), 13_000))
                    .as("the new phone joined at the new address; Amina's reached it there")
                    .contains(new AddressChange.Moved(HOME_WIFI, HOTSPOT, 1, 3));
            store.devices().touch("p2", 14_000, false);
            assertThat(change.observe(HOTSPOT, store.devices().all(), 15_000)).as("every phone reached it").isEmpty();
        }
    }

    @Test
    void back_at_the_address_the_phones_know_there_is_nothing_to_say_and_the_history_survives_a_restart() {
        try (KitStore store = KitStore.open(dataDir)) {
            store.devices().add(new Device("p1", "Amina", "phone", true, false, 1_000, 2_500, false), "h1");
            new AddressChange(store.syncState()).observe(HOME_WIFI, store.devices().all(), 2_000);
            new AddressChange(store.syncState()).observe(HOTSPOT, store.devices().all(), 3_000);
        }
        try (KitStore store = KitStore.open(dataDir)) {
            AddressChange change = new AddressChange(store.syncState());
            assertThat(change.observe(HOTSPOT, store.devices().all(), 4_000))
                    .contains(new AddressChange.Moved(HOME_WIFI, HOTSPOT, 1, 1));
            assertThat(change.observe(HOME_WIFI, store.devices().all(), 5_000)).as("back where Amina's phone calls").isEmpty();
        }
    }
}
