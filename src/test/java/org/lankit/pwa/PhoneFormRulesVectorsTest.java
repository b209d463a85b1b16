package org.lankit.pwa;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lankit.testkit.WireVectors;

/**
 * The phone's expression language (expr.js) and form rules (rules.js) give what the shared vectors
 * say, every case of both files, the same ones the master's org.lankit.sync.expr and FormRules pass.
 */
class PhoneFormRulesVectorsTest extends PhoneTestBase {

    private static final String EXPRESSIONS = "expressions.json";
    private static final String FORM_RULES = "form-rules.json";

    /** Compares a result with an expected value: numbers within 1e-9, {"number": "NaN"} for what JSON cannot write. */
    private static final String SAME = """
            const show = (v) => JSON.stringify(v, (k, x) => (typeof x === 'number' && !Number.isFinite(x) ? { number: String(x) } : x));
            const same = (got, expected) => {
              if (expected !== null && typeof expected === 'object' && !Array.isArray(expected) && 'number' in expected) {
                return typeof got === 'number' && String(got) === expected.number;
              }
              if (typeof expected === 'number') return typeof got === 'number' && Math.abs(got - expected) <= 1e-9;
              if (Array.isArray(expected)) return Array.isArray(got) && got.length === expected.length && got.every((g, i) => same(g, expected[i]));
              return got === expected;
            };
            """;

    private static final String RUN_EXPRESSIONS = "async (text) => {" + SAME + """
              const { ExprError, evaluate, parse } = await import('/expr.js');
              const all = JSON.parse(text);
              const wrong = [];
              for (const c of all.cases) {
                let tree;
                try {
                  tree = parse(c.expression, { choiceFilter: Boolean(c.choice) });
                } catch (e) {
                  const refused = e instanceof ExprError && e.message.length > 0 && Number.isInteger(e.position);
                  if (!(c.error === true && refused)) wrong.push(`${c.name}: refused (${e.message})`);
                  continue;
                }
                if (c.error === true) {
                  wrong.push(`${c.name}: parsed, but must be refused`);
                  continue;
                }
                // the answers as the case gives them, read as rules.js reads an entry's
                const answers = c.answers ?? {};
                const repeats = c.repeats ?? {};
                const asValue = (v) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : v);
                const rowsOf = (repeat) => (Array.isArray(answers[repeat]) ? answers[repeat] : []);
                const repeatHolding = (name) => Object.keys(repeats).find((r) => repeats[r].includes(name));
                const context = c.context ?? all.defaultContext;
                const env = {
                  ref: (name) => {
                    if (c.row && repeats[c.row.repeat]?.includes(name)) return asValue(rowsOf(c.row.repeat)[c.row.index]?.[name]);
                    if (name in repeats) return rowsOf(name).map(() => '');
                    const repeat = repeatHolding(name);
                    if (repeat) return rowsOf(repeat).map((row) => asValue(row?.[name]));
                    return asValue(answers[name]);
                  },
                  self: () => asValue(c.current),
                  column: (name) => (name === 'name' ? c.choice.name : (c.choice.columns?.[name] ?? '')),
                  position: () => (c.row ? c.row.index + 1 : NaN),
                  today: context.today,
                  now: context.now,
                };
                try {
                  const got = evaluate(tree, env);
                  if (!same(got, c.expected)) wrong.push(`${c.name}: ${show(got)}, expected ${show(c.expected)}`);
                } catch (e) {
                  wrong.push(`${c.name}: failed (${e.message})`);
                }
              }
              return { wrong, checked: all.cases.length };
            }""";

    private static final String RUN_FORM_RULES = "async (text) => {" + SAME + """
              const { FormRules } = await import('/rules.js');
              const all = JSON.parse(text);
              const wrong = [];
              for (const c of all.cases) {
                const result = FormRules.of(all.forms[c.form]).evaluate(c.answers ?? {}, c.context ?? all.defaultContext);
                const expected = c.expected;
                for (const [path, shown] of Object.entries(expected.relevant ?? {})) {
                  if ((result.relevant[path] ?? true) !== shown) wrong.push(`${c.name}: ${path} shown ${!shown}, expected ${shown}`);
                }
                for (const [path, value] of Object.entries(expected.calculated ?? {})) {
                  if (!same(result.calculated[path], value)) wrong.push(`${c.name}: ${path} = ${show(result.calculated[path])}, expected ${show(value)}`);
                }
                for (const [path, names] of Object.entries(expected.choices ?? {})) {
                  if (!same(result.choices[path], names)) wrong.push(`${c.name}: ${path} offers ${show(result.choices[path])}, expected ${show(names)}`);
                }
                if (expected.problems) {
                  const got = Object.entries(result.problems).map(([path, message]) => ({ path, message }));
                  if (JSON.stringify(got) !== JSON.stringify(expected.problems)) {
                    wrong.push(`${c.name}: problems ${JSON.stringify(got)}, expected ${JSON.stringify(expected.problems)}`);
                  }
                }
              }
              return { wrong, checked: all.cases.length };
            }""";

    @Test
    void the_phone_evaluates_every_expression_as_the_shared_vectors_say() {
        assertPasses(RUN_EXPRESSIONS, EXPRESSIONS);
    }

    @Test
    void the_phone_applies_every_form_rule_as_the_shared_vectors_say() {
        assertPasses(RUN_FORM_RULES, FORM_RULES);
    }

    private void assertPasses(String run, String file) {
        Page page = phone.newPage();
        page.navigate(master.baseUrl() + "/");

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) page.evaluate(run, WireVectors.text(file));

        assertThat((List<?>) result.get("wrong")).as(file).isEmpty();
        assertThat(((Number) result.get("checked")).intValue()).isEqualTo(WireVectors.all(file).path("cases").size()).isPositive();
    }
}
