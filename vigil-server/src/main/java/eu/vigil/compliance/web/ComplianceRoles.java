package eu.vigil.compliance.web;

/** Who may do what in the compliance module, as {@code @PreAuthorize} expressions. */
final class ComplianceRoles {

    /** Reading: everyone but suppliers. */
    static final String READ = "hasAnyRole('ADMIN','MANAGEMENT','COMPLIANCE','SECURITY','AUDITOR')";
    /** Recording assessments, ratings and evidence. */
    static final String WRITE = "hasAnyRole('ADMIN','COMPLIANCE')";
    /** Recording management training: the programme's writers and the management body itself. */
    static final String TRAINING_WRITE = "hasAnyRole('ADMIN','COMPLIANCE','MANAGEMENT')";
    /** Approving an assessment (NIS2 Art. 20): management only. */
    static final String APPROVE = "hasRole('MANAGEMENT')";

    private ComplianceRoles() {
    }
}
