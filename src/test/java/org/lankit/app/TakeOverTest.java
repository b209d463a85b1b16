package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.backup.RecoveryKeys;
import org.lankit.hub.HubConfig;
import org.lankit.peer.MasterClient;
import org.lankit.peer.MasterError;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Protocol.PairResponse;
import org.lankit.testkit.Entries;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.RunningClient;
import org.lankit.upstream.UploaderConfig;

/**
 * The master laptop is lost for good: a client laptop takes over with what it kept. Phones keep
 * their tokens and send their waiting entries to the new master, the other laptop follows it at
 * its new address, and the team's API ends with every entry exactly once.
 */
class TakeOverTest {

    private static final String JOIN = "TAKE-OVER-TEST-CODE";
    private static final String API_TOKEN = "api-token-of-the-team";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path masterDir;
    @TempDir
    Path laptopDir;
    @TempDir
    Path otherLaptopDir;

    @Test
    void a_laptop_takes_over_and_the_team_carries_on_with_every_entry_at_the_api_once() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start().requireToken(API_TOKEN)) {
            List<String> all = new ArrayList<>();
            KitStore masterStore = KitStore.open(masterDir);
            MasterKit master = startMaster(masterStore, api.url());
            SecretKey recoveryKey = RecoveryKeys.kept(masterStore).orElseThrow();
            String oldBase = "http://127.0.0.1:" + master.hub().port();
            Phone amina = Phone.pair(oldBase, "Amina");
            Phone bakari = Phone.pair(oldBase, "Bakari");
            RunningClient laptop = RunningClient.start(laptopDir, oldBase, "Laptop one", master.laptopJoinCode());
            RunningClient other = RunningClient.start(otherLaptopDir, oldBase, "Laptop two", master.laptopJoinCode());
            for (int i = 0; i < 3; i++) all.add(amina.push("Uploaded " + i));
            all.add(laptop.saveHousehold("Typed on laptop one", 2).uuid());
            Eventually.within(WAIT, "the API holds the first entries", () -> api.storedUuids().containsAll(all));
            Eventually.within(WAIT, "laptop one holds every entry", () -> laptop.store().entryCount() == all.size()
                    && laptop.store().countLocallyPending() == 0);
            Eventually.within(WAIT, "laptop one holds the receipts", () -> bundleReceipts(laptop) == all.size());
            assertThat(laptop.kit().sync().succession().bundle().orElseThrow().targets()).singleElement()
                    .satisfies(t -> assertThat(t.token()).isEqualTo(API_TOKEN));

            Entry waiting1 = bakari.entry("Waiting on a phone 1");
            Entry waiting2 = bakari.entry("Waiting on a phone 2");
            master.close();
            masterStore.close();

            Entry typedMeanwhile = other.saveHousehold("Typed while the master was gone", 5);
            laptop.close();
            Promotion.Promoted promoted;
            KitStore newStore = KitStore.open(laptopDir);
            promoted = Promotion.promote(newStore);
            assertThat(promoted.team().epoch()).isEqualTo(2);
            assertThat(promoted.alreadyUploaded()).isEqualTo(all.size());
            assertThat(RecoveryKeys.kept(newStore).map(k -> k.getEncoded())).as("the printed recovery key opens the new master's backups")
                    .contains(recoveryKey.getEncoded());
            MasterKit successor = startMaster(newStore, null);
            try {
                String newBase = "http://127.0.0.1:" + successor.hub().port();
                assertThat(new MasterClient(newBase, null).info().teamId()).isEqualTo(masterStoreTeam(promoted));

                bakari.moveTo(newBase);
                assertThat(bakari.client.push(List.of(waiting1, waiting2)).results()).allSatisfy(r -> assertThat(r.status().name()).isNotEqualTo("REJECTED"));
                all.add(waiting1.uuid());
                all.add(waiting2.uuid());
                amina.moveTo(newBase);
                assertThat(amina.client.pull(0, 100).entries()).hasSize(all.size());

                other.close();
                RunningClient followed = RunningClient.start(otherLaptopDir, newBase, "Laptop two", null);
                try {
                    all.add(typedMeanwhile.uuid());
                    Eventually.within(WAIT, "the other laptop's entry reaches the new master",
                            () -> successor.store().find(typedMeanwhile.uuid()).isPresent());
                    Eventually.within(WAIT, "the other laptop holds every entry", () -> followed.store().entryCount() == all.size());
                } finally {
                    followed.close();
                }
                Eventually.within(WAIT, () -> "every entry at the API: " + api.storedUuids().size() + " of " + all.size(),
                        () -> api.storedUuids().containsAll(all));
                assertThat(api.storedUuids()).hasSize(all.size());
                assertThat(api.storedRevisions()).as("no entry sent twice").isEqualTo(all.size());
            } finally {
                successor.close();
                newStore.close();
            }
        }
    }

    @Test
    void a_laptop_without_a_bundle_cannot_take_over() throws Exception {
        try (KitStore store = KitStore.open(laptopDir)) {
            store.settings().put(SettingKeys.ROLE, Role.CLIENT.name());
            assertThatThrownBy(() -> Promotion.promote(store)).isInstanceOf(Promotion.CannotPromoteException.class)
                    .hasMessageContaining("does not hold what a take-over needs");
            assertThat(store.settings().get(SettingKeys.ROLE)).contains(Role.CLIENT.name());
        }
    }

    @Test
    void promote_on_the_command_line_says_in_one_line_why_a_folder_cannot_take_over() {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = Main.run(new String[] {"--headless", "--data-dir", laptopDir.toString(), "--promote"}, java.util.Map.of(),
                new java.io.PrintStream(out), new java.io.PrintStream(err));
        assertThat(code).isEqualTo(Main.FAILED);
        assertThat(err.toString()).isEqualTo("lankit: only a client laptop can take over as the team's master" + System.lineSeparator());
    }

    @Test
    void a_laptop_fetches_the_bundle_again_only_when_it_changed() throws Exception {
        try (KitStore store = KitStore.open(masterDir); MasterKit master = startMaster(store, null)) {
            String base = "http://127.0.0.1:" + master.hub().port();
            try (RunningClient laptop = RunningClient.start(laptopDir, base, "Laptop", master.laptopJoinCode())) {
                laptop.kit().sync().refreshSuccession();
                assertThat(laptop.kit().sync().refreshSuccession()).as("nothing changed").isFalse();
                Phone.pair(base, "New phone");
                assertThat(laptop.kit().sync().refreshSuccession()).as("a device joined").isTrue();
                assertThat(laptop.kit().sync().succession().bundle().orElseThrow().devices())
                        .extracting(d -> d.name()).contains("New phone", "Laptop", "Test team (former master)");
                assertThat(new MasterClient(base, null).info().epoch()).isEqualTo(1);
                assertThatThrownBy(() -> new MasterClient(base, laptop.kit().sync().link().token())
                        .succession(null)).isInstanceOfSatisfying(MasterError.class, e -> assertThat(e.error()).isEqualTo("secure_only"));
            }
        }
    }

    @Test
    void a_phone_is_refused_the_bundle() throws Exception {
        try (KitStore store = KitStore.open(masterDir); MasterKit master = startMaster(store, null)) {
            MasterClient phone = new MasterClient("https://127.0.0.1:" + master.hub().httpsPort().orElseThrow(), null,
                    master.authorityPin().pin());
            phone.pair(JOIN, "Phone", "phone");
            assertThatThrownBy(() -> phone.succession(null)).isInstanceOfSatisfying(MasterError.class,
                    e -> assertThat(e.status()).isEqualTo(403));
        }
    }

    private static String masterStoreTeam(Promotion.Promoted promoted) {
        return promoted.team().teamId();
    }

    private static long bundleReceipts(RunningClient laptop) {
        try {
            laptop.kit().sync().refreshSuccession();
        } catch (Exception notYet) {
            return -1;
        }
        return laptop.kit().sync().succession().bundle().map(b -> b.receipts().size()).orElse(0);
    }

    private MasterKit startMaster(KitStore store, String apiUrl) {
        KitOptions options = new KitOptions(true, null, 0, store.dataDir(), "Test team", JOIN, null, apiUrl,
                apiUrl == null ? null : API_TOKEN).withBind("127.0.0.1");
        return MasterKit.start(store, options, HubConfig.defaults().withAddress("127.0.0.1", 0).withAnnouncement(false),
                UploaderConfig.defaults().withRetryDelays(Duration.ofMillis(20), Duration.ofMillis(200), 0.1)
                        .withRequestTimeout(Duration.ofSeconds(10)).withProbeInterval(Duration.ofMillis(100)));
    }

    /** A phone as the protocol sees it: its token, its clock, its client. */
    private static final class Phone {
        private final String deviceId;
        private final String token;
        private MasterClient client;

        private Phone(String deviceId, String token, MasterClient client) {
            this.deviceId = deviceId;
            this.token = token;
            this.client = client;
        }

        static Phone pair(String base, String name) throws Exception {
            MasterClient client = new MasterClient(base, null);
            PairResponse paired = client.pair(JOIN, name, "phone");
            return new Phone(paired.deviceId(), paired.token(), client);
        }

        Entry entry(String respondent) {
            return Entries.household(HlcClock.system(deviceId), respondent, 3);
        }

        String push(String respondent) throws Exception {
            Entry entry = entry(respondent);
            client.push(List.of(entry));
            return entry.uuid();
        }

        /** The "new address" flow: the same token at the new master's address. */
        void moveTo(String base) {
            client = new MasterClient(base, token);
        }
    }
}
