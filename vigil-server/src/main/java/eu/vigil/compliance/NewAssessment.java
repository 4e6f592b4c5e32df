package eu.vigil.compliance;

import java.util.List;

/** A command to start an assessment, as typed; checked by {@link ComplianceManagement#create}. */
public record NewAssessment(String title, String scopeKind, String productName, List<String> catalogues,
                            String targetMaturity) {

    public NewAssessment {
        catalogues = catalogues == null ? List.of() : List.copyOf(catalogues);
    }
}
