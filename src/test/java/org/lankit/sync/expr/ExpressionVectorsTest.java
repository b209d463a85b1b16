package org.lankit.sync.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.lankit.testkit.WireVectors;

/** Every case of expressions.json, which the phone's expr.js passes too. */
class ExpressionVectorsTest {

    private static final JsonNode VECTORS = WireVectors.all("expressions.json");

    @TestFactory
    Stream<DynamicTest> every_case_gives_the_expected_result_or_is_refused() {
        JsonNode defaults = VECTORS.path("defaultContext");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : VECTORS.path("cases")) {
            tests.add(DynamicTest.dynamicTest(c.path("name").asText(), () -> check(c, defaults)));
        }
        return tests.stream();
    }

    @Test
    void the_vectors_call_every_function_and_use_every_operator() {
        StringBuilder all = new StringBuilder();
        VECTORS.path("cases").forEach(c -> all.append(c.path("expression").asText()).append('\n'));
        for (Function f : Function.values()) assertThat(all).contains(f.written + "(");
        for (String op : List.of(" or ", " and ", " = ", " != ", " < ", " <= ", " > ", " >= ", " + ", " - ", " * ", " div ", " mod ")) {
            assertThat(all).contains(op);
        }
    }

    private static void check(JsonNode c, JsonNode defaults) {
        String text = c.path("expression").asText();
        boolean filter = c.has("choice");
        if (c.path("error").asBoolean()) {
            ExpressionException e = assertThrows(ExpressionException.class, () -> parse(text, filter));
            assertThat(e.position()).isBetween(0, text.length());
            return;
        }
        Value result = parse(text, filter).evaluate(new VectorScope(c, defaults));
        assertMatches(c.path("expected"), result);
    }

    private static Expression parse(String text, boolean filter) {
        return filter ? Expression.parseChoiceFilter(text) : Expression.parse(text);
    }

    static void assertMatches(JsonNode expected, Value actual) {
        if (expected.isArray()) {
            if (!(actual instanceof Value.Many many)) throw new AssertionError("expected a list, got " + actual);
            assertEquals(expected.size(), many.members().size(), "members of " + actual);
            for (int i = 0; i < expected.size(); i++) assertMatches(expected.get(i), many.members().get(i));
        } else if (expected.isObject()) {
            if (!(actual instanceof Value.Num n)) throw new AssertionError("expected a number, got " + actual);
            assertEquals(expected.path("number").asText(), Numbers.format(n.number()));
        } else if (expected.isNumber()) {
            if (!(actual instanceof Value.Num n)) throw new AssertionError("expected a number, got " + actual);
            assertEquals(expected.doubleValue(), n.number(), 1e-9);
        } else if (expected.isBoolean()) {
            if (!(actual instanceof Value.Bool b)) throw new AssertionError("expected a boolean, got " + actual);
            assertEquals(expected.booleanValue(), b.bool());
        } else if (expected.isTextual()) {
            if (!(actual instanceof Value.Text t)) throw new AssertionError("expected a text, got " + actual);
            assertEquals(expected.asText(), t.text());
        } else {
            fail("the case has no expected result");
        }
    }
}
