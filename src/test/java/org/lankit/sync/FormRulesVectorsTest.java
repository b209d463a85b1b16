package org.lankit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.lankit.testkit.WireVectors;

/** Every case of form-rules.json, which the phone's rules.js passes too; the forms are read as GET /api/v1/forms gives them. */
class FormRulesVectorsTest {

    private static final JsonNode VECTORS = WireVectors.all("form-rules.json");

    @TestFactory
    Stream<DynamicTest> every_case_gives_the_expected_relevance_values_choices_and_problems() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : VECTORS.path("cases")) tests.add(DynamicTest.dynamicTest(c.path("name").asText(), () -> check(c)));
        return tests.stream();
    }

    @Test
    void the_first_problem_is_the_first_of_all_problems_in_every_case() throws JsonProcessingException {
        for (JsonNode c : VECTORS.path("cases")) {
            FormRules rules = FormRules.of(form(c));
            RuleResult all = rules.evaluate(answers(c), context(c));
            assertThat(rules.firstProblem(answers(c), context(c)))
                    .as(c.path("name").asText()).isEqualTo(all.problemList().stream().findFirst());
        }
    }

    private static void check(JsonNode c) throws JsonProcessingException {
        RuleResult result = FormRules.of(form(c)).evaluate(answers(c), context(c));
        Form form = form(c);
        JsonNode expected = c.path("expected");
        expected.path("relevant").fields().forEachRemaining(e ->
                assertEquals(e.getValue().booleanValue(), result.relevant(e.getKey()), "relevant " + e.getKey()));
        expected.path("calculated").fields().forEachRemaining(e -> {
            JsonNode actual = result.calculated(e.getKey()).orElseThrow(() -> new AssertionError("no value for " + e.getKey()));
            if (e.getValue().isNumber()) {
                assertThat(actual.isNumber()).as(e.getKey() + " is a number: " + actual).isTrue();
                assertEquals(e.getValue().doubleValue(), actual.doubleValue(), 1e-9, e.getKey());
            } else {
                assertEquals(e.getValue(), actual, e.getKey());
            }
        });
        expected.path("choices").fields().forEachRemaining(e -> {
            List<String> names = new ArrayList<>();
            e.getValue().forEach(n -> names.add(n.asText()));
            assertEquals(names, result.choices(e.getKey()).orElseGet(() -> everyChoice(form, e.getKey())), "choices " + e.getKey());
        });
        Map<String, String> problems = new LinkedHashMap<>();
        expected.path("problems").forEach(p -> problems.put(p.path("path").asText(), p.path("message").asText()));
        assertEquals(List.copyOf(problems.entrySet()), List.copyOf(result.problems().entrySet()));
    }

    private static List<String> everyChoice(Form form, String path) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        return form.field(name).or(() -> form.answerFields().stream()
                        .filter(f -> f.type() == FieldType.REPEAT)
                        .map(r -> FormField.find(r.fields(), name)).filter(f -> f != null).findFirst())
                .orElseThrow().options();
    }

    static Form form(JsonNode c) throws JsonProcessingException {
        return Json.MAPPER.treeToValue(VECTORS.path("forms").path(c.path("form").asText()), Form.class);
    }

    private static Map<String, JsonNode> answers(JsonNode c) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        c.path("answers").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static RuleContext context(JsonNode c) {
        JsonNode ctx = c.has("context") ? c.path("context") : VECTORS.path("defaultContext");
        return new RuleContext(ctx.path("today").asText(), ctx.path("now").asText());
    }
}
