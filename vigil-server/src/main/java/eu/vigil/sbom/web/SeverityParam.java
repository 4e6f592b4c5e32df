package eu.vigil.sbom.web;

import java.util.Locale;

import eu.vigil.sbom.internal.InvalidSbomInput;

/** Severity and state filter parameters. */
final class SeverityParam {

    private SeverityParam() {
    }

    /** "critical" 4, "high" 3, "medium" 2, "low" 1; blank is none. */
    static Integer rank(String severity) {
        if (severity == null || severity.isBlank()) {
            return null;
        }
        return switch (severity.strip().toLowerCase(Locale.ROOT)) {
            case "critical" -> 4;
            case "high" -> 3;
            case "medium" -> 2;
            case "low" -> 1;
            default -> throw new InvalidSbomInput("severity", "The minimum severity is critical, high, medium or low.");
        };
    }

    static String state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        String s = state.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (s) {
            case "IN_TRIAGE", "AFFECTED", "NOT_AFFECTED", "FIXED", "FALSE_POSITIVE" -> s;
            default -> throw new InvalidSbomInput("state",
                    "The state is in_triage, affected, not_affected, fixed or false_positive.");
        };
    }
}
