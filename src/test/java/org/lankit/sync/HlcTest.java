package org.lankit.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class HlcTest {

    @Property
    void string_order_is_clock_order(@ForAll("clocks") Hlc a, @ForAll("clocks") Hlc b) {
        assertThat(Integer.signum(a.encode().compareTo(b.encode()))).isEqualTo(Integer.signum(a.compareTo(b)));
    }

    @Property
    void encoding_round_trips(@ForAll("clocks") Hlc a) {
        assertThat(Hlc.parse(a.encode())).isEqualTo(a);
    }

    @Property
    void timestamps_of_one_device_strictly_increase_even_when_the_wall_clock_jumps_back(
            @ForAll @Size(min = 1, max = 200) List<@IntRange(min = -5_000, max = 5_000) Integer> wallSteps) {
        AtomicLong wall = new AtomicLong(1_764_063_000_000L);
        HlcClock clock = new HlcClock("dev1", wall::get);
        List<String> stamps = new ArrayList<>();
        for (int step : wallSteps) {
            wall.addAndGet(step);
            stamps.add(clock.now().encode());
        }
        for (int i = 1; i < stamps.size(); i++) assertThat(stamps.get(i)).isGreaterThan(stamps.get(i - 1));
    }

    @Property
    void a_remote_timestamp_from_the_future_moves_the_clock_forward(
            @ForAll @IntRange(min = 1, max = 100_000_000) int aheadMs, @ForAll @IntRange(min = 0, max = 999_998) int counter) {
        long now = 1_764_063_000_000L;
        HlcClock clock = new HlcClock("dev1", () -> now);
        Hlc remote = new Hlc(now + aheadMs, counter, "other");
        clock.observe(remote);
        Hlc next = clock.now();
        assertThat(next).isGreaterThan(remote);
        assertThat(next.wallMs()).isGreaterThanOrEqualTo(remote.wallMs());
    }

    @Property
    void a_device_following_the_masters_time_stamps_after_what_the_master_stamped(
            @ForAll @IntRange(min = -86_400_000, max = 86_400_000) int phoneSkewMs) {
        AtomicLong trueTime = new AtomicLong(1_764_063_000_000L);
        HlcClock master = new HlcClock("master", trueTime::get);
        HlcClock phone = new HlcClock("phone", () -> trueTime.get() + phoneSkewMs);
        Hlc masterEdit = master.now();
        phone.followReference(master.physicalNow());
        trueTime.addAndGet(5);
        Hlc phoneEdit = phone.now();
        assertThat(phoneEdit).isGreaterThan(masterEdit);
        assertThat(Math.abs(phoneEdit.wallMs() - trueTime.get())).isLessThanOrEqualTo(5);
    }

    @Provide
    Arbitrary<Hlc> clocks() {
        return Combinators.combine(
                Arbitraries.longs().between(0, 9_999_999_999_999L),
                Arbitraries.integers().between(0, Hlc.MAX_COUNTER),
                Arbitraries.strings().withChars("abc019_XY").ofMinLength(1).ofMaxLength(12)).as(Hlc::new);
    }
}
