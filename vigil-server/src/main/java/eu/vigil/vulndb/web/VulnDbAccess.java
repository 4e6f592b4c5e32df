package eu.vigil.vulndb.web;

/**
 * Who may do what with the knowledge base: security (PSIRT) staff and administrators import;
 * everyone who runs or oversees the programme reads. Suppliers see nothing here.
 */
final class VulnDbAccess {

    static final String READ = "hasAnyRole('ADMIN','MANAGEMENT','COMPLIANCE','SECURITY','AUDITOR')";
    static final String IMPORT = "hasAnyRole('ADMIN','SECURITY')";

    private VulnDbAccess() {
    }
}
