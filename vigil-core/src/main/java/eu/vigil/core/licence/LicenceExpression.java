package eu.vigil.core.licence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import eu.vigil.core.InvalidInputException;

/**
 * An SPDX licence expression (SPDX 2.3 Annex D): licence identifiers with an optional {@code +},
 * {@code WITH} an exception, combined by {@code AND} and {@code OR} with parentheses. {@code AND}
 * binds tighter than {@code OR}. Operators are accepted in upper or lower case (tools write both).
 *
 * <p>Written by hand rather than with the SPDX library: its parser needs a model store and a
 * licence list, and it reports a malformed expression by a generic exception, while Vigil needs
 * a cheap pure parse per component with a message that says where the expression is wrong.
 */
public sealed interface LicenceExpression {

    /** Longest expression accepted; real ones are a few dozen characters. */
    int MAX_LENGTH = 4096;
    /** Deepest nesting of parentheses accepted. */
    int MAX_DEPTH = 32;

    /** The licence (and exception) identifiers the expression names, in order of appearance. */
    Set<String> licenceIds();

    /**
     * The policy's decision: a licence's own, the worst of an {@code AND} (all of them apply),
     * the best of an {@code OR} (the vendor may choose).
     */
    LicenceDecision evaluate(Function<String, LicenceDecision> policy);

    /** The expression in canonical form: single spaces, upper-case operators, parentheses only where needed. */
    String canonical();

    /** One licence, possibly {@code or later}, possibly with an exception. */
    record Licence(String id, boolean orLater, String exception) implements LicenceExpression {
        public Licence {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public Set<String> licenceIds() {
            Set<String> ids = new LinkedHashSet<>();
            ids.add(orLater ? id + "+" : id);
            return ids;
        }

        @Override
        public LicenceDecision evaluate(Function<String, LicenceDecision> policy) {
            LicenceDecision decision = policy.apply(orLater ? id + "+" : id);
            if (decision == null && orLater) {
                decision = policy.apply(id);
            }
            return decision == null ? LicenceDecision.REVIEW : decision;
        }

        @Override
        public String canonical() {
            return id + (orLater ? "+" : "") + (exception == null ? "" : " WITH " + exception);
        }
    }

    /** All of the terms apply. */
    record And(List<LicenceExpression> terms) implements LicenceExpression {
        public And {
            terms = List.copyOf(terms);
        }

        @Override
        public Set<String> licenceIds() {
            Set<String> ids = new LinkedHashSet<>();
            terms.forEach(t -> ids.addAll(t.licenceIds()));
            return ids;
        }

        @Override
        public LicenceDecision evaluate(Function<String, LicenceDecision> policy) {
            LicenceDecision worst = LicenceDecision.ALLOWED;
            for (LicenceExpression term : terms) {
                worst = LicenceDecision.worse(worst, term.evaluate(policy));
            }
            return worst;
        }

        @Override
        public String canonical() {
            List<String> parts = new ArrayList<>();
            for (LicenceExpression term : terms) {
                parts.add(term instanceof Or ? "(" + term.canonical() + ")" : term.canonical());
            }
            return String.join(" AND ", parts);
        }
    }

    /** Any one of the terms may be chosen. */
    record Or(List<LicenceExpression> terms) implements LicenceExpression {
        public Or {
            terms = List.copyOf(terms);
        }

        @Override
        public Set<String> licenceIds() {
            Set<String> ids = new LinkedHashSet<>();
            terms.forEach(t -> ids.addAll(t.licenceIds()));
            return ids;
        }

        @Override
        public LicenceDecision evaluate(Function<String, LicenceDecision> policy) {
            LicenceDecision best = LicenceDecision.FORBIDDEN;
            for (LicenceExpression term : terms) {
                best = LicenceDecision.better(best, term.evaluate(policy));
            }
            return best;
        }

        @Override
        public String canonical() {
            List<String> parts = new ArrayList<>();
            for (LicenceExpression term : terms) {
                parts.add(term.canonical());
            }
            return String.join(" OR ", parts);
        }
    }

    /**
     * Parses an expression.
     *
     * @throws InvalidInputException naming the position and what was expected there
     */
    static LicenceExpression parse(String text) {
        return new LicenceExpressionParser(text).parse();
    }
}
