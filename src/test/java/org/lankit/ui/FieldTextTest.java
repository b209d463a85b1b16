package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.FieldType;
import org.lankit.sync.FormField;
import org.lankit.sync.Json;
import org.lankit.ui.Views.EntryRow;

/** Answers typed by the coordinator, shown back in words, and exported as CSV. */
class FieldTextTest {

    @TempDir
    Path folder;

    @Test
    void typed_answers_become_values_of_the_fields_type_and_read_back_the_same() throws Exception {
        assertThat(parse(FieldType.INTEGER, " 12 ").isIntegralNumber()).isTrue();
        assertThat(parse(FieldType.INTEGER, " 12 ").asLong()).isEqualTo(12);
        assertThat(parse(FieldType.DECIMAL, "2,5").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(parse(FieldType.BOOLEAN, "Yes").asBoolean()).isTrue();
        assertThat(parse(FieldType.SELECT_MULTIPLE, "well, tap,,")).isEqualTo(Json.MAPPER.readTree("[\"well\",\"tap\"]"));
        assertThat(parse(FieldType.TEXT, "   ").isNull()).isTrue();
        assertThat(FieldText.text(Json.MAPPER.readTree("true"))).isEqualTo("yes");
        assertThat(FieldText.text(Json.MAPPER.readTree("[\"well\",\"tap\"]"))).isEqualTo("well, tap");
        assertThat(FieldText.text(Json.MAPPER.readTree("2.50"))).isEqualTo("2.5");
        assertThat(FieldText.same(Json.MAPPER.readTree("4"), Json.MAPPER.readTree("4.0"))).isTrue();
    }

    @Test
    void an_answer_that_cannot_be_the_fields_type_says_which_question_and_how() {
        assertThatThrownBy(() -> parse(FieldType.INTEGER, "four")).hasMessage("Size: type a whole number, like 4");
        assertThatThrownBy(() -> parse(FieldType.BOOLEAN, "maybe")).hasMessage("Size: choose yes or no");
    }

    @Test
    void csv_export_holds_the_shown_rows_with_one_column_per_question_and_defuses_formulas() throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("Respondent", "=HYPERLINK(\"x\")");
        answers.put("Household size", "-3");
        answers.put("Notes", "two, lines\nhere");
        EntryRow row = new EntryRow("u-1", "household_visit", "Household visit", "Ann's phone", 0, "Saved", "Sent to the API",
                false, false, true, false, answers, Map.of(), "");
        Path file = folder.resolve("out.csv");
        CsvTable.write(file, List.of(row), uuid -> "=Bea \u00b7 Mbala");
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFForm,Summary,Worker,When,On this laptop,At the API,Entry id,Respondent,Household size,Notes\r\n");
        assertThat(csv).contains("Household visit,'=Bea \u00b7 Mbala,Ann's phone,,Saved,Sent to the API,u-1,\"'=HYPERLINK(\"\"x\"\")\",-3,"
                + "\"two, lines\nhere\"");
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(FieldType type, String typed) {
        return FieldText.parse(new FormField("size", "Size", type, false, List.of("well", "tap"), null, null), typed);
    }
}
