package eu.vigil.compliance.internal;

import java.util.Set;

import eu.vigil.platform.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ComplianceNavigation {

    static final Set<String> READERS = Set.of("ROLE_ADMIN", "ROLE_MANAGEMENT", "ROLE_COMPLIANCE", "ROLE_SECURITY",
            "ROLE_AUDITOR");

    @Bean
    NavigationEntry complianceAssessmentsEntry() {
        return new NavigationEntry("Programme", "Assessments", "/compliance/assessments", READERS, 110);
    }

    @Bean
    NavigationEntry complianceActionsEntry() {
        return new NavigationEntry("Programme", "Action plan", "/compliance/actions", READERS, 120);
    }

    @Bean
    NavigationEntry complianceEvidenceEntry() {
        return new NavigationEntry("Programme", "Evidence to-do", "/compliance/evidence", READERS, 130);
    }

    @Bean
    NavigationEntry complianceTrainingEntry() {
        return new NavigationEntry("Programme", "Management training", "/compliance/training", READERS, 135);
    }

    @Bean
    NavigationEntry complianceCataloguesEntry() {
        return new NavigationEntry("Programme", "Catalogues", "/compliance/catalogues", READERS, 140);
    }
}
