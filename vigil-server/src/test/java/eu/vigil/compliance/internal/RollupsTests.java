package eu.vigil.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import eu.vigil.compliance.Assessment;
import eu.vigil.compliance.EvidenceState;
import eu.vigil.compliance.ImplementationStatus;
import eu.vigil.compliance.RequirementResult;
import eu.vigil.compliance.Rollup;
import eu.vigil.compliance.Score;
import eu.vigil.compliance.ScopeKind;
import eu.vigil.core.catalogue.CatalogueSet;
import eu.vigil.core.catalogue.Requirement;
import eu.vigil.core.catalogue.ShippedCatalogues;
import org.junit.jupiter.api.Test;

class RollupsTests {

    private final CatalogueSet catalogues = ShippedCatalogues.load();

    private static Assessment nis2(int target) {
        return new Assessment(1, "t", ScopeKind.ENTITY, null, List.of("nis2"), null, null, false, target, 1, "u",
                Instant.EPOCH, Instant.EPOCH);
    }

    private static RequirementResult rated(String id, Integer maturity) {
        return new RequirementResult(id, true, null, ImplementationStatus.PARTIAL, maturity, null, null, null, null, null);
    }

    @Test
    void unratedRequirementsCountAsZeroAndAreNoGaps() {
        Rollup rollup = Rollups.of(nis2(2), catalogues, Map.of(), Map.of());
        assertThat(rollup.overall().score()).isEqualTo(0.0);
        assertThat(rollup.overall().applicable()).isEqualTo(28);
        assertThat(rollup.overall().rated()).isZero();
        assertThat(rollup.overall().gaps()).isZero();
        assertThat(rollup.sections()).extracting(Score::key).containsExactly("nis2.art20", "nis2.art21", "nis2.art23");
        assertThat(rollup.areas()).hasSize(8);
    }

    @Test
    void averagesTheApplicableRequirementsOfASection() {
        List<Requirement> art20 = catalogues.catalogue("nis2").orElseThrow().requirements().stream()
                .filter(Requirement::assessable).filter(r -> r.id().startsWith("nis2.art20.")).toList();
        Map<String, RequirementResult> results = new java.util.HashMap<>();
        for (Requirement r : art20) {
            results.put(r.id(), rated(r.id(), 3));
        }
        // one not applicable: it leaves the average
        String excluded = art20.get(0).id();
        results.put(excluded, new RequirementResult(excluded, false, "n/a", ImplementationStatus.NOT_STARTED, null,
                null, null, null, null, null));
        Score section = Rollups.of(nis2(2), catalogues, results, Map.of()).sections().get(0);
        assertThat(section.score()).isEqualTo(3.0);
        assertThat(section.applicable()).isEqualTo(art20.size() - 1);
    }

    @Test
    void lapsedEvidenceCapsMaturityAtOneAndMakesAGap() {
        RequirementResult three = rated("nis2.art20.approve", 3);
        assertThat(Rollups.effectiveMaturity(three, EvidenceState.CURRENT)).isEqualTo(3);
        assertThat(Rollups.effectiveMaturity(three, EvidenceState.EXPIRED)).isEqualTo(1);
        assertThat(Rollups.effectiveMaturity(three, EvidenceState.OVERDUE)).isEqualTo(1);
        assertThat(Rollups.isGap(three, EvidenceState.OVERDUE, 2)).isTrue();
        assertThat(Rollups.isGap(three, EvidenceState.CURRENT, 2)).isFalse();
        assertThat(Rollups.isGap(rated("x", 1), null, 1)).isFalse();
        assertThat(Rollups.isGap(rated("x", null), null, 2)).as("unrated is not yet a gap").isFalse();
    }

    @Test
    void priorityFollowsHowFarTheGapFalls() {
        Requirement requirement = catalogues.requirement("nis2.art20.approve").orElseThrow();
        assertThat(ActionPriorities.of(requirement, 0, 2)).isEqualTo("HIGH");
        assertThat(ActionPriorities.of(requirement, 1, 3)).isEqualTo("HIGH");
        assertThat(ActionPriorities.of(requirement, 1, 2)).isEqualTo("MEDIUM");
    }

    @Test
    void approvedContentIsCanonicalAndEscaped() {
        Assessment a = nis2(2);
        byte[] one = ApprovedContent.canonical(a, List.of(rated("b", 1), rated("a", 2)), List.of());
        byte[] two = ApprovedContent.canonical(a, List.of(rated("a", 2), rated("b", 1)), List.of());
        assertThat(one).isEqualTo(two);
        assertThat(ApprovedContent.sha256(one)).hasSize(64);
        RequirementResult tricky = new RequirementResult("a", true, null, ImplementationStatus.PARTIAL, 2, null, null,
                "line\nbreak\tand tab", null, null);
        assertThat(new String(ApprovedContent.canonical(a, List.of(tricky), List.of())))
                .contains("line\\nbreak\\tand tab");
    }

    @Test
    void csvCellsAreQuotedAndNeverFormulas() {
        assertThat(AssessmentExports.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AssessmentExports.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AssessmentExports.cell("plain")).isEqualTo("plain");
        assertThat(AssessmentExports.cell(null)).isEmpty();
    }
}
