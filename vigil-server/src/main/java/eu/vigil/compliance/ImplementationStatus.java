package eu.vigil.compliance;

/** How far a requirement's measure is put in place. */
public enum ImplementationStatus {
    NOT_STARTED("Not started"), PLANNED("Planned"), PARTIAL("Partly implemented"), IMPLEMENTED("Implemented");

    private final String label;

    ImplementationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
