package eu.vigil.compliance.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.vigil.compliance.Assessment;
import eu.vigil.compliance.EvidenceState;
import eu.vigil.compliance.RequirementResult;
import eu.vigil.compliance.Rollup;
import eu.vigil.compliance.Score;
import eu.vigil.core.catalogue.Area;
import eu.vigil.core.catalogue.Catalogue;
import eu.vigil.core.catalogue.CatalogueSet;
import eu.vigil.core.catalogue.Obligation;
import eu.vigil.core.catalogue.Requirement;

/**
 * Rolls requirement results up per catalogue section and per security area. Each applicable,
 * assessable requirement counts with weight 1 (0.5 when the standard only recommends it); an
 * unrated one counts as maturity 0, so that a score never looks better for what was not looked at;
 * expired or overdue evidence caps a requirement at 1. Stateless.
 */
public final class Rollups {

    private Rollups() {
    }

    /** The maturity a requirement counts with: its rating, 0 when unrated, at most 1 when its evidence lapsed. */
    public static int effectiveMaturity(RequirementResult result, EvidenceState evidence) {
        int maturity = result.maturity() == null ? 0 : result.maturity();
        return evidence != null && evidence.lowersStatus() ? Math.min(maturity, 1) : maturity;
    }

    /** Whether a rated, applicable requirement is below the target. */
    public static boolean isGap(RequirementResult result, EvidenceState evidence, int target) {
        return result.applicable() && result.maturity() != null && effectiveMaturity(result, evidence) < target;
    }

    public static double weight(Requirement requirement) {
        return requirement.obligation() == Obligation.RECOMMENDED ? 0.5 : 1.0;
    }

    public static Rollup of(Assessment assessment, CatalogueSet catalogues, Map<String, RequirementResult> results,
                            Map<String, EvidenceState> evidence) {
        Tally overall = new Tally("overall", "All requirements");
        Map<String, Tally> sections = new LinkedHashMap<>();
        Map<Area, Tally> areas = new LinkedHashMap<>();
        for (Area area : Area.values()) {
            areas.put(area, new Tally(area.code(), area.displayName()));
        }
        for (String catalogueId : assessment.catalogues()) {
            Catalogue catalogue = catalogues.catalogue(catalogueId).orElse(null);
            if (catalogue == null) {
                continue;
            }
            for (Requirement requirement : catalogue.requirements()) {
                if (requirement.parent() == null) {
                    sections.putIfAbsent(requirement.id(), new Tally(requirement.id(), label(requirement)));
                }
                if (!requirement.assessable()) {
                    continue;
                }
                RequirementResult result = results.getOrDefault(requirement.id(),
                        RequirementResult.unrated(requirement.id()));
                if (!result.applicable()) {
                    continue;
                }
                EvidenceState state = evidence.get(requirement.id());
                int maturity = effectiveMaturity(result, state);
                boolean gap = isGap(result, state, assessment.targetMaturity());
                double weight = weight(requirement);
                Requirement root = root(catalogues, requirement);
                overall.add(weight, maturity, result.maturity() != null, gap);
                sections.computeIfAbsent(root.id(), id -> new Tally(id, label(root)))
                        .add(weight, maturity, result.maturity() != null, gap);
                for (Area area : requirement.areas()) {
                    areas.get(area).add(weight, maturity, result.maturity() != null, gap);
                }
            }
        }
        List<Score> sectionScores = new ArrayList<>();
        sections.values().stream().filter(t -> t.applicable > 0).forEach(t -> sectionScores.add(t.score()));
        return new Rollup(overall.score(), sectionScores, areas.values().stream().map(Tally::score).toList());
    }

    /** The top-level heading above a requirement (the article or numbered section). */
    public static Requirement root(CatalogueSet catalogues, Requirement requirement) {
        Requirement current = requirement;
        int guard = 0;
        while (current.parent() != null && guard++ < 32) {
            Requirement parent = catalogues.requirement(current.parent()).orElse(null);
            if (parent == null) {
                break;
            }
            current = parent;
        }
        return current;
    }

    private static String label(Requirement root) {
        return (root.reference() == null ? root.id() : root.reference()) + " · " + root.title();
    }

    private static final class Tally {
        final String key;
        final String label;
        double weights;
        double weighted;
        int applicable;
        int rated;
        int gaps;

        Tally(String key, String label) {
            this.key = key;
            this.label = label;
        }

        void add(double weight, int maturity, boolean isRated, boolean gap) {
            weights += weight;
            weighted += weight * maturity;
            applicable++;
            rated += isRated ? 1 : 0;
            gaps += gap ? 1 : 0;
        }

        Score score() {
            Double value = applicable == 0 ? null : Math.round(weighted / weights * 100.0) / 100.0;
            return new Score(key, label, value, applicable, rated, gaps);
        }
    }
}
