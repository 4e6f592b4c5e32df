package eu.vigil.core.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import eu.vigil.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class LicenceExpressionTests {

    private static final Map<String, LicenceDecision> POLICY = Map.of(
            "MIT", LicenceDecision.ALLOWED, "Apache-2.0", LicenceDecision.ALLOWED,
            "GPL-3.0-only", LicenceDecision.FORBIDDEN, "LGPL-2.1-or-later", LicenceDecision.REVIEW);

    @Test
    void andBindsTighterThanOr() {
        LicenceExpression e = LicenceExpression.parse("MIT OR Apache-2.0 AND GPL-3.0-only");
        assertThat(e).isInstanceOf(LicenceExpression.Or.class);
        assertThat(e.canonical()).isEqualTo("MIT OR Apache-2.0 AND GPL-3.0-only");
        assertThat(e.licenceIds()).containsExactly("MIT", "Apache-2.0", "GPL-3.0-only");
    }

    @Test
    void parenthesesWithAndOrLater() {
        LicenceExpression e = LicenceExpression.parse("(MIT or GPL-2.0+) and GPL-2.0-only WITH Classpath-exception-2.0");
        assertThat(e.canonical()).isEqualTo("(MIT OR GPL-2.0+) AND GPL-2.0-only WITH Classpath-exception-2.0");
        assertThat(e.licenceIds()).containsExactly("MIT", "GPL-2.0+", "GPL-2.0-only");
    }

    @Test
    void licenceRefsAreIdentifiers() {
        assertThat(LicenceExpression.parse("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2").licenceIds())
                .containsExactly("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2");
    }

    @Test
    void policyTakesWorstOfAndBestOfOr() {
        assertThat(LicenceExpression.parse("MIT OR GPL-3.0-only").evaluate(POLICY::get)).isEqualTo(LicenceDecision.ALLOWED);
        assertThat(LicenceExpression.parse("MIT AND GPL-3.0-only").evaluate(POLICY::get)).isEqualTo(LicenceDecision.FORBIDDEN);
        assertThat(LicenceExpression.parse("MIT AND LGPL-2.1-or-later").evaluate(POLICY::get)).isEqualTo(LicenceDecision.REVIEW);
        // unknown licences need a review
        assertThat(LicenceExpression.parse("BSD-3-Clause").evaluate(POLICY::get)).isEqualTo(LicenceDecision.REVIEW);
    }

    @Test
    void malformedExpressionsSayWhere() {
        assertThatThrownBy(() -> LicenceExpression.parse("MIT AND")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("expected a licence identifier at the end");
        assertThatThrownBy(() -> LicenceExpression.parse("(MIT OR Apache-2.0")).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> LicenceExpression.parse("MIT Apache-2.0")).hasMessageContaining("unexpected 'Apache-2.0'")
                .hasMessageContaining("at character 5");
        assertThatThrownBy(() -> LicenceExpression.parse("Apache License 2.0")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> LicenceExpression.parse("(".repeat(40) + "MIT" + ")".repeat(40)))
                .hasMessageContaining("nested deeper");
        assertThatThrownBy(() -> LicenceExpression.parse(" ")).hasMessageContaining("empty");
    }
}
