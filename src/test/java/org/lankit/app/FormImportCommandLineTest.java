package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.sync.Form;
import org.lankit.testkit.HouseholdSurvey;
import org.lankit.testkit.XlsFormFile;

class FormImportCommandLineTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void the_example_household_survey_is_imported_as_version_one_then_two_in_one_line_each() {
        Path data = temp.resolve("data");
        String example = HouseholdSurvey.EXAMPLE.toString();

        assertThat(run("--import-form", example, "--data-dir", data.toString())).isEqualTo(Main.OK);
        assertThat(run("--import-form", example, "--data-dir", data.toString())).isEqualTo(Main.OK);

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "Imported household-survey.xlsx as \u201cHousehold survey\u201d (form household_survey), version 1;"
                        + " phones and laptops get it at their next sync",
                "Imported household-survey.xlsx as \u201cHousehold survey\u201d (form household_survey), version 2;"
                        + " phones and laptops get it at their next sync");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        try (KitStore store = KitStore.open(data)) {
            assertThat(store.forms().all("household_survey")).extracting(Form::version).containsExactly(1, 2);
            assertThat(store.forms().latest("household_survey").orElseThrow().source()).isEqualTo("household-survey.xlsx");
        }
    }

    @Test
    void a_refused_file_is_one_line_naming_every_problem_and_exit_code_one_and_nothing_is_saved() {
        Path data = temp.resolve("data");
        Path file = new XlsFormFile()
                .sheet("survey", "type", "name", "label")
                .row("text", "name", "Name\nwith a line break")
                .row("barcode", "code", "Scan")
                .row("integer", "age", "Age\nin years")
                .row("integer", "age", "Age again")
                .writeTo(temp.resolve("visits.xlsx"));

        assertThat(run("--import-form", file.toString(), "--data-dir", data.toString())).isEqualTo(Main.FAILED);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly("lankit: visits.xlsx was not imported (2 problems):"
                + " survey row 3, column A (type): the type \"barcode\" is not supported (forms.md lists the types that are);"
                + " survey row 5, column B (name): the name age is already used in row 4");
        try (KitStore store = KitStore.open(data)) {
            assertThat(store.forms().all("visits")).isEmpty();
        }
    }

    @Test
    void a_missing_file_is_named() {
        assertThat(run("--import-form", temp.resolve("nowhere.xlsx").toString(), "--data-dir", temp.resolve("data").toString()))
                .isEqualTo(Main.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("lankit: nowhere.xlsx was not imported (1 problem): nowhere.xlsx: there is no such file");
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
