package eu.vigil.core.cvss;

/** A version of the Common Vulnerability Scoring System. */
public enum CvssVersion {
    V2_0("2.0"),
    V3_0("3.0"),
    V3_1("3.1"),
    V4_0("4.0");

    private final String label;

    CvssVersion(String label) {
        this.label = label;
    }

    /** The version as written in vectors and documents, e.g. {@code "3.1"}. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
