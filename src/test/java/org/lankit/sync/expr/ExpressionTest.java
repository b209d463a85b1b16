package org.lankit.sync.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the parser tells the importer and FormShape beyond the shared vectors. */
class ExpressionTest {

    @Test
    void a_parse_error_says_what_is_wrong_and_where() {
        assertThatThrownBy(() -> Expression.parse("${age} >= @15"))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.position()).isEqualTo(10);
                    assertThat(e.problem()).isEqualTo("'@' is not part of the expressions forms can use");
                    assertThat(e.getMessage()).isEqualTo("'@' is not part of the expressions forms can use (at character 11)");
                });
        assertThatThrownBy(() -> Expression.parse("if(${a}, 1)")).hasMessage("if() takes 3 arguments, here 2 (at character 1)");
        assertThatThrownBy(() -> Expression.parse("concat(${a} 'x')")).hasMessage("expected ')' or ',' in concat(, found ''x'' (at character 13)");
        assertThatThrownBy(() -> Expression.parse("county = 'x'"))
                .hasMessageStartingWith("'county' alone is not a value: write ${county} for an answer");
        assertThatThrownBy(() -> Expression.parse("lenght('x')")).hasMessage("there is no function lenght() (at character 1)");
    }

    @Test
    void the_references_are_listed_once_each_in_the_order_written() {
        Expression e = Expression.parse("${b} + ${a} * ${b} > count(${members})");
        assertThat(e.references()).containsExactly("b", "a", "members");
        assertThat(e.usesPosition()).isFalse();
        assertThat(Expression.parse("if(position(..) = 1, ${x}, 0)").usesPosition()).isTrue();
        Expression filter = Expression.parseChoiceFilter("county = ${county} and (hh-type = 'rural' or name = 'other' or county = '')");
        assertThat(filter.references()).containsExactly("county");
        assertThat(filter.columns()).containsExactly("county", "hh-type", "name");
        assertThat(Expression.parse("${a} + 1").columns()).isEmpty();
    }

    @Test
    void deep_nesting_and_long_chains_are_refused_with_words_instead_of_exhausting_the_stack() {
        String parens = "(".repeat(500) + "1" + ")".repeat(500);
        String minuses = "-".repeat(1_000) + "1";
        assertThatThrownBy(() -> Expression.parse(parens)).isInstanceOf(ExpressionException.class).hasMessageContaining("nested too deeply");
        assertThatThrownBy(() -> Expression.parse(minuses)).isInstanceOf(ExpressionException.class).hasMessageContaining("nested too deeply");
        assertThatThrownBy(() -> Expression.parse("1" + " + 1".repeat(10_000))).hasMessageContaining("too long");
        assertThat(Expression.parse("1" + " + 1".repeat(900)).evaluate(null).asNumber()).isEqualTo(901);
    }
}
