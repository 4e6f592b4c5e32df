package eu.vigil.compliance.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import eu.vigil.compliance.AssessmentNotFound;
import eu.vigil.compliance.ComplianceManagement;
import eu.vigil.core.catalogue.Catalogue;
import eu.vigil.core.catalogue.CatalogueSet;
import eu.vigil.core.catalogue.IsoControls;
import eu.vigil.core.catalogue.Requirement;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The catalogue browser: catalogues as trees, search, and each requirement with its mappings. */
@Controller
class CatalogueController {

    /** A requirement in a tree, with its depth below the catalogue. */
    record Node(Requirement requirement, int depth) {
    }

    private static final int MAX_HITS = 200;

    private final ComplianceManagement compliance;

    CatalogueController(ComplianceManagement compliance) {
        this.compliance = compliance;
    }

    @GetMapping("/compliance/catalogues")
    @PreAuthorize(ComplianceRoles.READ)
    String catalogues(@RequestParam(required = false) String catalogue, @RequestParam(required = false) String q,
                      Model model) {
        CatalogueSet set = compliance.catalogues();
        model.addAttribute("catalogues", set.catalogues());
        model.addAttribute("q", q == null ? "" : q);
        if (q != null && !q.isBlank()) {
            String needle = q.strip().toLowerCase(Locale.ROOT);
            List<Requirement> hits = new ArrayList<>();
            for (Catalogue c : set.catalogues()) {
                for (Requirement r : c.requirements()) {
                    if (hits.size() < MAX_HITS && matches(r, needle)) {
                        hits.add(r);
                    }
                }
            }
            model.addAttribute("hits", hits);
        }
        if (catalogue != null) {
            Catalogue selected = set.catalogue(catalogue)
                    .orElseThrow(() -> new AssessmentNotFound("There is no catalogue '" + catalogue + "'."));
            List<Node> tree = new ArrayList<>();
            for (Requirement r : selected.requirements()) {
                int depth = 0;
                String parent = r.parent();
                while (parent != null && depth < 6) {
                    depth++;
                    parent = set.requirement(parent).map(Requirement::parent).orElse(null);
                }
                tree.add(new Node(r, depth));
            }
            model.addAttribute("selected", selected);
            model.addAttribute("tree", tree);
        }
        return "compliance/catalogues";
    }

    @GetMapping("/compliance/catalogues/requirements/{requirementId}")
    @PreAuthorize(ComplianceRoles.READ)
    String requirement(@PathVariable String requirementId, Model model) {
        CatalogueSet set = compliance.catalogues();
        Requirement requirement = set.requirement(requirementId)
                .orElseThrow(() -> new AssessmentNotFound("There is no requirement '" + requirementId + "'."));
        model.addAttribute("r", requirement);
        model.addAttribute("catalogue", set.catalogueOf(requirementId).orElseThrow());
        model.addAttribute("parent", requirement.parent() == null ? null : set.requirement(requirement.parent()).orElse(null));
        model.addAttribute("children", set.catalogueOf(requirementId).orElseThrow().children(requirementId));
        model.addAttribute("iso", requirement.isoControls().stream()
                .map(id -> id + " " + IsoControls.title(id).orElse("")).toList());
        model.addAttribute("equivalents", set.equivalentsOf(requirementId));
        model.addAttribute("detailedBy", set.detailedBy(requirementId));
        model.addAttribute("implementsList", requirement.implementsRequirements().stream()
                .map(set::requirement).flatMap(java.util.Optional::stream).toList());
        return "compliance/requirement";
    }

    private static boolean matches(Requirement r, String needle) {
        return r.id().toLowerCase(Locale.ROOT).contains(needle) || r.title().toLowerCase(Locale.ROOT).contains(needle)
                || r.text().toLowerCase(Locale.ROOT).contains(needle)
                || (r.reference() != null && r.reference().toLowerCase(Locale.ROOT).contains(needle))
                || r.isoControls().stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).equals(needle))
                || r.areas().stream().anyMatch(a -> a.code().equals(needle) || a.displayName().toLowerCase(Locale.ROOT).contains(needle));
    }
}
