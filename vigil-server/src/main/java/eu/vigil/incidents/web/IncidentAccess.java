package eu.vigil.incidents.web;

/**
 * Who may do what with incidents. Everyone who runs or oversees the programme may read (auditors
 * included); compliance, security (PSIRT) and administrators record incidents, assess them and
 * submit reports. Suppliers see nothing here.
 */
final class IncidentAccess {

    static final String READ = "hasAnyRole('ADMIN','MANAGEMENT','COMPLIANCE','SECURITY','AUDITOR')";
    static final String WRITE = "hasAnyRole('ADMIN','COMPLIANCE','SECURITY')";

    private IncidentAccess() {
    }
}
