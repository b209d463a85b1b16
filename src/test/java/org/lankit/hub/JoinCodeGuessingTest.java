package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.testkit.RawSocket;
import org.lankit.testkit.RawSocket.Reply;
import org.lankit.testkit.RunningMaster;

/**
 * Someone on the WiFi tries join codes until one works: each address gets a few tries, then waits
 * longer and longer, and all addresses together get only a trickle; a person who mistypes twice
 * still joins at once. The master sees each test "device" at its own loopback address (127.0.0.x).
 */
class JoinCodeGuessingTest {

    private static final Duration GUESSING = Duration.ofSeconds(4);
    /** The master's documented budget (protocol.md, pairing): free tries per address, then all together. */
    private static final int FREE_TRIES = 3;
    private static final int GLOBAL_BURST = 30;
    private static final int SECONDS_PER_WRONG_CODE = 2;

    @TempDir
    Path dataDir;
    private RunningMaster master;

    @BeforeEach
    void start() {
        master = RunningMaster.start(dataDir);
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void a_phone_that_types_its_code_wrong_twice_joins_at_once_on_the_third_try() throws Exception {
        InetAddress phone = InetAddress.getByName("127.0.0.2");
        assertThat(pair(phone, "TEST-C0DE").status()).isEqualTo(403);
        assertThat(pair(phone, "TSET-CODE").status()).isEqualTo(403);

        Reply third = pair(phone, RunningMaster.JOIN_CODE);

        assertThat(third.status()).as(third.text()).isEqualTo(200);
        assertThat(master.store().devices().count()).isEqualTo(1);
    }

    @Test
    void guessing_from_one_address_gets_only_a_handful_of_codes_checked() throws Exception {
        int checked = guess(List.of(InetAddress.getByName("127.0.0.3")), 4);

        System.out.printf("one address: %d codes checked in %d s (%.1f/s)%n", checked, GUESSING.toSeconds(),
                checked / (double) GUESSING.toSeconds());
        // 3 free tries, then 1 s, 2 s (and at most the 4 s wait's start) in the 4 s
        assertThat(checked).isLessThanOrEqualTo(FREE_TRIES + 3);
        assertThat(master.store().devices().count()).isZero();
    }

    @Test
    void guessing_from_31_addresses_at_once_gets_no_more_codes_checked_than_the_masters_budget() throws Exception {
        List<InetAddress> addresses = new ArrayList<>();
        for (int i = 2; i <= 32; i++) addresses.add(InetAddress.getByName("127.0.0." + i));

        int checked = guess(addresses, 2);

        System.out.printf("31 addresses: %d codes checked in %d s (%.1f/s)%n", checked, GUESSING.toSeconds(),
                checked / (double) GUESSING.toSeconds());
        long budget = GLOBAL_BURST + GUESSING.toSeconds() / SECONDS_PER_WRONG_CODE + 1;
        assertThat(checked).isLessThanOrEqualTo((int) budget);

        Reply phone = pair(InetAddress.getByName("127.0.0.40"), RunningMaster.JOIN_CODE);
        if (phone.status() == 429) {
            assertThat(phone.body()).as("while the budget is spent, a real phone is told how long to wait").contains("\"too_many_guesses\"");
            long wait = Long.parseLong(phone.text().lines().filter(l -> l.startsWith("Retry-After:")).findFirst().orElseThrow()
                    .substring("Retry-After:".length()).strip());
            assertThat(wait).isBetween(1L, (long) SECONDS_PER_WRONG_CODE);
            Thread.sleep(TimeUnit.SECONDS.toMillis(wait));
            phone = pair(InetAddress.getByName("127.0.0.40"), RunningMaster.JOIN_CODE);
        }
        assertThat(phone.status()).as("a real phone with the right code joins, at worst after the wait it was told").isEqualTo(200);
    }

    /** Wrong codes from each address on {@code threadsEach} threads for {@link #GUESSING}; how many were checked. */
    private int guess(List<InetAddress> addresses, int threadsEach) throws Exception {
        AtomicInteger checked = new AtomicInteger();
        AtomicInteger tries = new AtomicInteger();
        long until = System.nanoTime() + GUESSING.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(addresses.size() * threadsEach);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (InetAddress from : addresses) {
                for (int t = 0; t < threadsEach; t++) {
                    running.add(pool.submit(() -> {
                        while (System.nanoTime() < until) {
                            Reply reply = pair(from, String.format("GUESS-%04d", tries.incrementAndGet() % 10_000));
                            if (reply.status() == 403) checked.incrementAndGet();
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : running) f.get(GUESSING.toSeconds() + 30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        return checked.get();
    }

    private Reply pair(InetAddress from, String code) throws Exception {
        byte[] body = ("{\"code\":\"" + code + "\",\"name\":\"Guesser\",\"kind\":\"phone\"}").getBytes(StandardCharsets.UTF_8);
        return RawSocket.sendFrom(from, master.port(), "POST /api/v1/pair HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json",
                body);
    }
}
