package eu.vigil.core.nis2;

import java.util.List;

/**
 * Which Member States have jurisdiction over the entity under Art. 26 NIS2, and why.
 *
 * @param memberStates ISO codes of the Member States with jurisdiction; empty when NIS2 does not apply
 * @param rules the Art. 26 rules that fired, with explanations
 */
public record Jurisdiction(List<String> memberStates, List<AppliedRule> rules) {

    public Jurisdiction {
        memberStates = List.copyOf(memberStates);
        rules = List.copyOf(rules);
    }
}
