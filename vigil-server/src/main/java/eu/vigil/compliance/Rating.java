package eu.vigil.compliance;

/**
 * A change to one requirement's result, as typed (a command). {@link ComplianceManagement#rate}
 * checks every field and refuses the whole rating with {@link InvalidInput} naming each field at fault.
 */
public record Rating(boolean applicable, String justification, String status, String maturity, String owner,
                     String dueDate, String notes) {
}
