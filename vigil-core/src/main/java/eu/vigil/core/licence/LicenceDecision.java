package eu.vigil.core.licence;

/** What a licence policy says about a licence, from best to worst. */
public enum LicenceDecision {
    ALLOWED, REVIEW, FORBIDDEN;

    static LicenceDecision worse(LicenceDecision a, LicenceDecision b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static LicenceDecision better(LicenceDecision a, LicenceDecision b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
