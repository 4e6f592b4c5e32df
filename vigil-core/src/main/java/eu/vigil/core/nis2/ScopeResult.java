package eu.vigil.core.nis2;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What NIS2 makes of an entity.
 *
 * @param classification essential, important or out of scope (Art. 3)
 * @param indirectlyAffected the entity supplies essential or important entities, whose supply-chain
 *        duties (Art. 21(2)(d), 21(3)) reach it whatever its own classification
 * @param sizeClass the size class the classification used, or {@code null} when the figures given
 *        leave it open and it does not matter
 * @param standAloneSizeClass the size class from the entity's own figures alone, given only when
 *        partner or linked enterprises are listed
 * @param rules every rule that fired, in the order they were checked
 * @param jurisdiction the Art. 26 note
 */
public record ScopeResult(
        Classification classification,
        boolean indirectlyAffected,
        SizeClass sizeClass,
        @JsonInclude(JsonInclude.Include.NON_NULL) SizeClass standAloneSizeClass,
        List<AppliedRule> rules,
        Jurisdiction jurisdiction) {

    public ScopeResult {
        rules = List.copyOf(rules);
    }

    /** The ids of the rules that fired, for quick checks. */
    public List<String> ruleIds() {
        return rules.stream().map(AppliedRule::id).toList();
    }
}
