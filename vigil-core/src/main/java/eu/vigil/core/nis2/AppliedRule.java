package eu.vigil.core.nis2;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A rule that fired while classifying a profile.
 *
 * @param id stable rule id, e.g. {@code essential.large_annex_i}
 * @param article the legal reference, e.g. {@code NIS2 Art. 3(1)(a)}
 * @param explanation what the rule says about this entity, in plain words
 * @param outcome the classification the rule leads to, or {@code null} for a rule that only informs
 */
public record AppliedRule(
        String id,
        String article,
        String explanation,
        @JsonInclude(JsonInclude.Include.NON_NULL) Classification outcome) {

    static AppliedRule info(String id, String article, String explanation) {
        return new AppliedRule(id, article, explanation, null);
    }
}
