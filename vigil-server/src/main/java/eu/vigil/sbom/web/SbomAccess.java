package eu.vigil.sbom.web;

/**
 * Who may do what in the SBOM repository: security (PSIRT/product security) and administrators
 * change; auditors, compliance and management read. Suppliers see nothing here.
 */
final class SbomAccess {

    static final String READ = "hasAnyRole('ADMIN','MANAGEMENT','COMPLIANCE','SECURITY','AUDITOR')";
    static final String WRITE = "hasAnyRole('ADMIN','SECURITY')";

    private SbomAccess() {
    }
}
