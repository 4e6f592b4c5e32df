package eu.vigil.core.vex;

import java.util.Locale;

import eu.vigil.core.InvalidInputException;

/**
 * The analysis state of a vulnerability in a product, in CycloneDX's terms with OpenVEX's
 * equivalents. OpenVEX has no {@code false_positive}: it is written as {@code not_affected}
 * with the justification {@code vulnerable_code_not_present}.
 */
public enum VexState {
    IN_TRIAGE("in_triage", "under_investigation"),
    AFFECTED("exploitable", "affected"),
    NOT_AFFECTED("not_affected", "not_affected"),
    FIXED("resolved", "fixed"),
    FALSE_POSITIVE("false_positive", "not_affected");

    private final String cycloneDx;
    private final String openVex;

    VexState(String cycloneDx, String openVex) {
        this.cycloneDx = cycloneDx;
        this.openVex = openVex;
    }

    public String cycloneDx() {
        return cycloneDx;
    }

    public String openVex() {
        return openVex;
    }

    /** The state of a CycloneDX {@code analysis.state}; {@code resolved_with_pedigree} is {@link #FIXED}. */
    public static VexState fromCycloneDx(String value) {
        if ("resolved_with_pedigree".equals(value)) {
            return FIXED;
        }
        for (VexState state : values()) {
            if (state.cycloneDx.equals(value)) {
                return state;
            }
        }
        throw new InvalidInputException("CycloneDX VEX: unknown analysis state '" + value
                + "' (expected resolved, resolved_with_pedigree, exploitable, in_triage, false_positive or not_affected)");
    }

    /** The state of an OpenVEX {@code status}. */
    public static VexState fromOpenVex(String value) {
        for (VexState state : values()) {
            if (state.openVex.equals(value)) {
                return state;
            }
        }
        throw new InvalidInputException("OpenVEX: unknown status '" + value
                + "' (expected not_affected, affected, fixed or under_investigation)");
    }

    /** The state named by its enum name in any case, or by its CycloneDX or OpenVEX value. */
    public static VexState parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("state: missing (expected in_triage, affected, not_affected, fixed or false_positive)");
        }
        String v = value.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (VexState state : values()) {
            if (state.name().toLowerCase(Locale.ROOT).equals(v)) {
                return state;
            }
        }
        if (v.equals("under_investigation")) {
            return IN_TRIAGE;
        }
        if (v.equals("exploitable")) {
            return AFFECTED;
        }
        if (v.equals("resolved")) {
            return FIXED;
        }
        throw new InvalidInputException("state: unknown value '" + value
                + "' (expected in_triage, affected, not_affected, fixed or false_positive)");
    }
}
