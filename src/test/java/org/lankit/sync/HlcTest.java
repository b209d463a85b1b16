package org.lankit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
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

    /** The wire form as the regular expression that defined it before the hand-written check. */
    private static final Pattern WIRE = Pattern.compile("\\d{13}-\\d{6}-[A-Za-z0-9_]{1,40}");
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_]{1,40}");

    @Property(tries = 3_000)
    void the_wire_check_accepts_exactly_what_the_regular_expression_did(@ForAll("nearClocks") String text) {
        assertThat(Hlc.isWellFormed(text)).as(text).isEqualTo(WIRE.matcher(text).matches());
        assertThat(Hlc.isValidDeviceId(text)).as(text).isEqualTo(DEVICE_ID.matcher(text).matches());
    }

    @Property
    void wall_time_and_author_read_in_place_agree_with_parse(@ForAll("clocks") Hlc a, @ForAll("clocks") Hlc b) {
        assertThat(Hlc.wallMsOf(a.encode())).isEqualTo(a.wallMs());
        assertThat(Hlc.isStampedBy(a.encode(), a.deviceId())).isTrue();
        assertThat(Hlc.isStampedBy(a.encode(), b.deviceId())).isEqualTo(a.deviceId().equals(b.deviceId()));
    }

    @Example
    void edge_cases_of_the_wire_form() {
        String stamp = "1764063000000-000000-";
        assertThat(Hlc.isWellFormed(stamp + "a".repeat(40))).isTrue();
        assertThat(Hlc.isWellFormed(stamp + "a".repeat(41))).isFalse();
        assertThat(Hlc.isWellFormed(stamp)).as("no device").isFalse();
        assertThat(Hlc.isWellFormed(stamp + "dev\n")).as("a trailing line break").isFalse();
        assertThat(Hlc.isWellFormed("176406300000\u0663-000000-dev")).as("a digit of another script").isFalse();
        assertThat(Hlc.isWellFormed("+764063000000-000000-dev")).isFalse();
        assertThat(Hlc.isWellFormed("1764063000000-00000-dev")).as("five counter digits").isFalse();
        assertThat(Hlc.isWellFormed("1764063000000_000000-dev")).isFalse();
        assertThat(Hlc.isWellFormed("9999999999999-999999-Z_9")).isTrue();
        assertThat(Hlc.isWellFormed(null)).isFalse();
        assertThat(Hlc.isValidDeviceId("")).isFalse();
        assertThat(Hlc.isValidDeviceId("dev-1")).isFalse();
        assertThat(Hlc.isValidDeviceId(null)).isFalse();
        assertThat(Hlc.parse("0000000000042-000007-Z_9")).isEqualTo(new Hlc(42, 7, "Z_9"));
        assertThat(new Hlc(42, 7, "Z_9").encode()).isEqualTo("0000000000042-000007-Z_9");
        assertThatThrownBy(() -> Hlc.parse("1764063000000-000000-dev-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hlc.wallMsOf("not a clock")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hlc.isStampedBy(null, "dev")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Hlc(0, 0, "a".repeat(41))).isInstanceOf(IllegalArgumentException.class);
    }

    /** Strings near the wire form: real clocks with one character changed, added or taken away,
     * and strings of the characters that matter. */
    @Provide
    Arbitrary<String> nearClocks() {
        Arbitrary<String> stamps = clocks().map(Hlc::encode);
        Arbitrary<Character> odd = Arbitraries.of('0', '9', '-', '_', 'a', 'Z', ' ', '\n', '@', '\u0663', '\u00e9', '/', ':');
        Arbitrary<String> changed = Combinators.combine(stamps, Arbitraries.integers().between(0, 70), odd, Arbitraries.integers().between(0, 2))
                .as((s, at, c, how) -> {
                    int i = Math.min(at, s.length());
                    return switch (how) {
                        case 0 -> i < s.length() ? s.substring(0, i) + c + s.substring(i + 1) : s + c;
                        case 1 -> s.substring(0, i) + c + s.substring(i);
                        default -> i < s.length() ? s.substring(0, i) + s.substring(i + 1) : s.substring(0, Math.max(0, s.length() - 1));
                    };
                });
        Arbitrary<String> loose = Arbitraries.strings().withChars("0123456789-_aZ\u0663 ").ofMinLength(0).ofMaxLength(70);
        return Arbitraries.oneOf(stamps, changed, loose);
    }

    @Provide
    Arbitrary<Hlc> clocks() {
        return Combinators.combine(
                Arbitraries.longs().between(0, 9_999_999_999_999L),
                Arbitraries.integers().between(0, Hlc.MAX_COUNTER),
                Arbitraries.strings().withChars("abc019_XY").ofMinLength(1).ofMaxLength(12)).as(Hlc::new);
    }
}
