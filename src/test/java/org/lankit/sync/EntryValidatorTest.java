package org.lankit.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The validator's hand-written checks take exactly what the parser and the expression they replace took. */
class EntryValidatorTest {

    private static final Pattern UUID = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final FormField DATE = FormField.of("visit_date", "Visit date", FieldType.DATE, false);
    private static final String CLOCK = "1764063000000-000001-dev_1";

    @Property(tries = 3_000)
    void a_date_is_taken_exactly_when_the_date_parser_takes_it(@ForAll("nearDates") String text) {
        assertThat(EntryValidator.valueProblem(DATE, TextNode.valueOf(text)) == null).as(text).isEqualTo(parses(text));
    }

    @Property(tries = 1_000)
    void a_uuid_is_taken_exactly_when_the_old_expression_took_it(@ForAll("nearUuids") String uuid) {
        Entry entry = new Entry(uuid, DefaultForm.ID, 1, Map.of(
                "respondent", new FieldValue(TextNode.valueOf("Amina"), CLOCK, "dev_1", ""),
                "household_size", new FieldValue(com.fasterxml.jackson.databind.node.IntNode.valueOf(3), CLOCK, "dev_1", "")),
                null, 1, "dev_1", 0, null, null);
        assertThat(EntryValidator.check(entry, DefaultForm.householdVisit()).isEmpty()).as(uuid).isEqualTo(UUID.matcher(uuid).matches());
    }

    @Example
    void dates_at_the_edges() {
        for (String good : new String[] {"2024-02-29", "2026-12-31", "0000-01-01", "9999-12-31", "+10000-01-01", "-0001-06-30"}) {
            assertThat(EntryValidator.valueProblem(DATE, TextNode.valueOf(good))).as(good).isNull();
        }
        for (String bad : new String[] {"2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-01", "2026/01/01",
                "٢٠٢٦-01-01", "2026-01-01 ", "10000-01-01"}) {
            assertThat(EntryValidator.valueProblem(DATE, TextNode.valueOf(bad))).as(bad).isNotNull();
        }
    }

    private static boolean parses(String text) {
        if (text.isEmpty()) return true; // no answer
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Provide
    Arbitrary<String> nearDates() {
        Arbitrary<String> real = Arbitraries.longs().between(LocalDate.of(-20, 1, 1).toEpochDay(), LocalDate.of(12_000, 12, 31).toEpochDay())
                .map(day -> LocalDate.ofEpochDay(day).toString());
        Arbitrary<String> shaped = Arbitraries.strings().withChars("0123456789").ofLength(8)
                .map(d -> d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6));
        Arbitrary<String> loose = Arbitraries.strings().withChars("0123456789-+ ٣").ofMinLength(1).ofMaxLength(12);
        return Arbitraries.oneOf(real, shaped, loose);
    }

    @Provide
    Arbitrary<String> nearUuids() {
        return Arbitraries.oneOf(
                Arbitraries.create(() -> java.util.UUID.randomUUID().toString()),
                Arbitraries.strings().withChars("aZ09-_ é").ofMinLength(0).ofMaxLength(70),
                Arbitraries.strings().withChars("abc-").ofMinLength(6).ofMaxLength(66));
    }
}
