package eu.vigil.core.nis2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import eu.vigil.core.Reference;

class EntityTypesTests {

    @Test
    void coversFiftyThreeAnnexITypesInElevenSectorsAndFourteenAnnexIITypesInSeven() {
        Map<Annex, List<EntityType>> byAnnex = EntityTypes.all().stream()
                .collect(Collectors.groupingBy(EntityType::annex));

        assertThat(byAnnex.get(Annex.ANNEX_I)).hasSize(53);
        assertThat(byAnnex.get(Annex.ANNEX_II)).hasSize(14);
        assertThat(byAnnex.get(Annex.OUTSIDE_ANNEXES)).hasSize(4);
        assertThat(byAnnex.get(Annex.ANNEX_I).stream().map(EntityType::sector).distinct()).hasSize(11);
        assertThat(byAnnex.get(Annex.ANNEX_II).stream().map(EntityType::sector).distinct()).hasSize(7);
    }

    @Test
    void sizeIndependentAndEssentialTypesFollowArticles2And3() {
        assertThat(EntityTypes.all()).filteredOn(EntityType::sizeIndependent).extracting(EntityType::code)
                .containsExactlyInAnyOrder("digital_infra.dns_service_provider", "digital_infra.tld_registry",
                        "digital_infra.trust_service_provider", "digital_infra.public_ecn", "digital_infra.public_ecs",
                        "public_admin.central_government", "public_admin.regional",
                        "non_annex.domain_registration_service", "non_annex.cer_critical_entity");
        assertThat(EntityTypes.all()).filteredOn(EntityType::essentialRegardlessOfSize).extracting(EntityType::code)
                .containsExactlyInAnyOrder("digital_infra.dns_service_provider", "digital_infra.tld_registry",
                        "public_admin.central_government", "non_annex.cer_critical_entity");
    }

    @Test
    void everyCodeOfTheReferenceIsSelectableWithItsAnnexPoint() throws IOException {
        String text = Files.readString(Reference.require("nis2-reference.md"));
        Matcher rows = Pattern.compile("^\\| `([a-z0-9_]+\\.[a-z0-9_.]+)` \\| (I{1,2}\\.[0-9]+(?:\\([a-f]\\))?)-\\d+ \\|",
                Pattern.MULTILINE).matcher(text);
        int count = 0;
        while (rows.find()) {
            count++;
            EntityType type = EntityTypes.byCode(rows.group(1)).orElse(null);
            assertThat(type).as(rows.group(1)).isNotNull();
            assertThat(type.annexReference()).as(rows.group(1)).isEqualTo(rows.group(2));
        }
        assertThat(count).isEqualTo(53 + 14);
        Matcher outside = Pattern.compile("^\\| `((?:non_annex|ms_option)\\.[a-z_]+)` \\|", Pattern.MULTILINE)
                .matcher(text);
        while (outside.find()) {
            assertThat(EntityTypes.byCode(outside.group(1))).as(outside.group(1)).isPresent();
        }
    }

    @Test
    void everyTypeHasADisplayNameForASelectList() {
        assertThat(EntityTypes.all()).allSatisfy(type -> {
            assertThat(type.displayName()).isNotBlank();
            assertThat(type.sector()).isNotBlank();
        });
        assertThat(EntityTypes.all()).extracting(EntityType::displayName).doesNotHaveDuplicates();
    }
}
