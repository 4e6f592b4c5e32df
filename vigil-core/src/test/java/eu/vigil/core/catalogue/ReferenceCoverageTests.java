package eu.vigil.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import eu.vigil.core.Reference;

/**
 * Counts the shipped catalogues against the reference facts in {@code shared/reference}: every
 * Art. 21(2) point, every numbered point of the Implementing Regulation's annex, every CRA Annex I
 * requirement and every ETSI EN 303 645 provision must be present.
 */
class ReferenceCoverageTests {

    private final CatalogueSet catalogues = ShippedCatalogues.load();

    @Test
    void everyArticle21PointIsInTheNis2Catalogue() throws IOException {
        String text = Files.readString(Reference.require("nis2-reference.md"));
        List<String> points = matches(text, "^\\| \\(([a-j])\\) \\| `art21\\.[a-j]` \\|");

        assertThat(points).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        for (String point : points) {
            assertThat(catalogues.requirement("nis2.art21.2." + point)).as("Art. 21(2)(%s)", point).isPresent();
            assertThat(catalogues.detailedBy("nis2.art21.2." + point)).as("annex sections for (%s)", point).isNotEmpty();
        }
    }

    @Test
    void everyNumberedPointOfTheImplementingRegulationAnnexIsInTheCatalogue() throws IOException {
        String text = Files.readString(Reference.require("ir-2024-2690-annex.md"));
        List<String> sections = matches(text, "^## §(\\d+) ");
        List<String> subsections = matches(text, "^\\| \\*\\*(\\d+\\.\\d+)\\*\\* \\|");
        Map<String, List<String>> rows = annexRows(text);
        Catalogue annex = catalogues.catalogue("ir2690").orElseThrow();

        assertThat(sections).hasSize(13);
        assertThat(subsections).hasSize(47);
        assertThat(rows).hasSize(379);
        for (String section : sections) {
            assertThat(annex.requirement("ir2690." + section)).as("section %s", section).isPresent();
        }
        for (String subsection : subsections) {
            assertThat(annex.requirement("ir2690." + subsection)).as("subsection %s", subsection).isPresent();
        }
        for (Map.Entry<String, List<String>> row : rows.entrySet()) {
            Requirement requirement = annex.requirement(annexId(row.getKey())).orElse(null);
            assertThat(requirement).as("annex point %s", row.getKey()).isNotNull();
            if (!row.getValue().isEmpty()) {
                assertThat(requirement.isoControls()).as("ISO controls of %s", row.getKey())
                        .containsExactlyInAnyOrderElementsOf(row.getValue());
            }
        }
        assertThat(annex.requirements()).hasSize(13 + 47 + 379);
    }

    @Test
    void everyCraAnnexIRequirementIsInTheCatalogue() throws IOException {
        String text = Files.readString(Reference.require("cra-reference.md"));
        List<String> codes = matches(text, "^\\| `(cra\\.aii?\\.[0-9a-z]+)` \\| I\\.");

        assertThat(codes).hasSize(14 + 8);
        for (String code : codes) {
            assertThat(catalogues.requirement(code)).as(code).isPresent();
        }
        Catalogue cra = catalogues.catalogue("cra").orElseThrow();
        assertThat(cra.assessableCount()).isEqualTo(codes.size());
    }

    @Test
    void everyEtsiProvisionIsInTheCatalogueWithItsStatus() throws IOException {
        String text = Files.readString(Reference.require("etsi-en-303-645.md"));
        Matcher rows = Pattern.compile("^\\| (\\d+(?:\\.\\d+)?-\\d+) \\| (M|R)( C \\([0-9, ]+\\))? \\|",
                Pattern.MULTILINE).matcher(text);
        Catalogue etsi = catalogues.catalogue("etsi303645").orElseThrow();
        int provisions = 0;
        while (rows.find()) {
            provisions++;
            Requirement provision = etsi.requirement("etsi303645." + rows.group(1)).orElse(null);
            assertThat(provision).as("provision %s", rows.group(1)).isNotNull();
            assertThat(provision.obligation()).as("status of %s", rows.group(1))
                    .isEqualTo(rows.group(2).equals("M") ? Obligation.MANDATORY : Obligation.RECOMMENDED);
            assertThat(provision.condition() != null).as("condition of %s", rows.group(1))
                    .isEqualTo(rows.group(3) != null);
        }
        assertThat(provisions).isEqualTo(68);
        assertThat(etsi.assessableCount()).isEqualTo(68);
    }

    /** Annex rows (not headings) by reference, with the ISO controls ENISA maps them to. */
    private static Map<String, List<String>> annexRows(String text) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Matcher row = Pattern.compile("^\\| (\\d+\\.\\d+(?:\\.\\d+)?(?:\\([a-z]+\\))*(?: ¶\\d)?|\\d+\\.\\d+\\([a-z]\\)) \\| [^|]+ \\| [a-z ]+ \\| ([^|]*) \\|",
                Pattern.MULTILINE).matcher(text);
        while (row.find()) {
            rows.put(row.group(1), matches(row.group(2), "(A\\.\\d+\\.\\d+)"));
        }
        return rows;
    }

    /** {@code 9.2(c)(i)} as {@code ir2690.9.2.c.i}, {@code 5.2 ¶1} as {@code ir2690.5.2.p1}. */
    private static String annexId(String reference) {
        return "ir2690." + reference.replace(" ¶", ".p").replaceAll("\\(([a-z]+)\\)", ".$1");
    }

    private static List<String> matches(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
