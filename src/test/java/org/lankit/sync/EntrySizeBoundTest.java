package org.lankit.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The quick bound the merger uses to skip measuring an entry is never below the entry's real JSON size. */
class EntrySizeBoundTest {

    private static final String CLOCK = "1764063000000-000001-dev_1";

    @Property(tries = 2_000)
    void the_bound_is_never_below_the_written_size(@ForAll("entries") Entry entry) throws Exception {
        assertThat(EntrySizeBound.of(entry)).isGreaterThanOrEqualTo(Json.MAPPER.writeValueAsBytes(entry).length);
    }

    @Example
    void an_entry_near_the_limit_is_measured_and_refused_as_before() {
        EntryMerger merger = new EntryMerger("master");
        String big = "x".repeat(EntryMerger.MAX_ENTRY_BYTES / 2);
        Entry entry = new Entry("uuid-0001", "f", 1, Map.of(
                "a", new FieldValue(TextNode.valueOf(big), CLOCK, "dev_1", ""),
                "b", new FieldValue(TextNode.valueOf(big), CLOCK, "dev_1", "")), null, 1, "dev_1", 0, null, null);
        assertThat(merger.merge(null, entry, "dev_1").refusal()).isEqualTo(PushRefusal.ENTRY_TOO_LARGE);
        Entry fits = entry.withFields(Map.of("a", entry.fields().get("a")), null);
        assertThat(EntrySizeBound.of(fits)).as("measured, not skipped").isGreaterThan(EntryMerger.MAX_ENTRY_BYTES);
        assertThat(merger.merge(null, fits, "dev_1").status()).isEqualTo(PushStatus.APPLIED);
    }

    @Provide
    Arbitrary<Entry> entries() {
        Arbitrary<String> names = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12);
        Arbitrary<FieldValue> values = Combinators.combine(nodes(), Arbitraries.of("", CLOCK).injectNull(0.5))
                .as((v, base) -> new FieldValue(v, CLOCK, "dev_1", base));
        Arbitrary<Map<String, FieldValue>> fields = Arbitraries.maps(names, values).ofMaxSize(8).map(TreeMap::new);
        Arbitrary<List<Conflict>> conflicts = Combinators.combine(names, nodes())
                .as((f, v) -> new Conflict(f, v, CLOCK, "dev_1")).list().ofMaxSize(3);
        Arbitrary<List<String>> settled = names.map(n -> n + "@" + CLOCK).list().ofMaxSize(4);
        Arbitrary<FieldValue> deleted = Arbitraries.of(true, false)
                .map(d -> new FieldValue(BooleanNode.valueOf(d), CLOCK, "dev_1", null)).injectNull(0.5);
        return Combinators.combine(fields, deleted, conflicts, settled, Arbitraries.longs().between(0, Long.MAX_VALUE))
                .as((f, d, c, s, seq) -> new Entry("9f1c-uuid-" + seq % 1000, "form", 3, f, d, 1_764_063_000_000L, "dev_1", seq, c, s));
    }

    private Arbitrary<JsonNode> nodes() {
        Arbitrary<JsonNode> text = Arbitraries.strings().all().ofMaxLength(40).map(TextNode::valueOf);
        Arbitrary<JsonNode> numbers = Arbitraries.oneOf(
                Arbitraries.integers().map(IntNode::valueOf),
                Arbitraries.longs().map(LongNode::valueOf),
                Arbitraries.doubles().map(DoubleNode::valueOf),
                Arbitraries.of(Double.NaN, -Double.MIN_VALUE, -Double.MAX_VALUE).map(DoubleNode::valueOf),
                Arbitraries.bigDecimals().map(DecimalNode::valueOf),
                Arbitraries.of("1E+999999999", "-0.000000000000000000000000000000000001", "123456789012345678901234567890")
                        .map(n -> DecimalNode.valueOf(new BigDecimal(n))));
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(text, numbers, Arbitraries.of(BooleanNode.TRUE, NullNode.getInstance()));
        Arbitrary<JsonNode> arrays = text.list().ofMaxSize(5).map(items -> JsonNodeFactory.instance.arrayNode().addAll(items));
        Arbitrary<JsonNode> objects = Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(6), scalars).ofMaxSize(4)
                .map(m -> JsonNodeFactory.instance.objectNode().setAll(m));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, scalars), net.jqwik.api.Tuple.of(1, arrays), net.jqwik.api.Tuple.of(1, objects));
    }
}
