package eu.vigil.core.vex;

import java.util.Locale;

import eu.vigil.core.InvalidInputException;

/**
 * Why a product is not affected, in CycloneDX's vocabulary (the richer one) with the nearest
 * OpenVEX justification. Reading OpenVEX maps each of its five values to one of these.
 */
public enum VexJustification {
    CODE_NOT_PRESENT("code_not_present", "vulnerable_code_not_present"),
    CODE_NOT_REACHABLE("code_not_reachable", "vulnerable_code_not_in_execute_path"),
    REQUIRES_CONFIGURATION("requires_configuration", "vulnerable_code_cannot_be_controlled_by_adversary"),
    REQUIRES_DEPENDENCY("requires_dependency", "component_not_present"),
    REQUIRES_ENVIRONMENT("requires_environment", "vulnerable_code_cannot_be_controlled_by_adversary"),
    PROTECTED_BY_COMPILER("protected_by_compiler", "inline_mitigations_already_exist"),
    PROTECTED_AT_RUNTIME("protected_at_runtime", "inline_mitigations_already_exist"),
    PROTECTED_AT_PERIMETER("protected_at_perimeter", "inline_mitigations_already_exist"),
    PROTECTED_BY_MITIGATING_CONTROL("protected_by_mitigating_control", "inline_mitigations_already_exist");

    private final String cycloneDx;
    private final String openVex;

    VexJustification(String cycloneDx, String openVex) {
        this.cycloneDx = cycloneDx;
        this.openVex = openVex;
    }

    public String cycloneDx() {
        return cycloneDx;
    }

    public String openVex() {
        return openVex;
    }

    public static VexJustification fromCycloneDx(String value) {
        for (VexJustification j : values()) {
            if (j.cycloneDx.equals(value)) {
                return j;
            }
        }
        throw new InvalidInputException("CycloneDX VEX: unknown justification '" + value + "'");
    }

    public static VexJustification fromOpenVex(String value) {
        return switch (value) {
            case "component_not_present" -> REQUIRES_DEPENDENCY;
            case "vulnerable_code_not_present" -> CODE_NOT_PRESENT;
            case "vulnerable_code_not_in_execute_path" -> CODE_NOT_REACHABLE;
            case "vulnerable_code_cannot_be_controlled_by_adversary" -> REQUIRES_ENVIRONMENT;
            case "inline_mitigations_already_exist" -> PROTECTED_BY_MITIGATING_CONTROL;
            default -> throw new InvalidInputException("OpenVEX: unknown justification '" + value + "'");
        };
    }

    /** A justification by enum name in any case, or by its CycloneDX or OpenVEX value; null for blank. */
    public static VexJustification parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (VexJustification j : values()) {
            if (j.cycloneDx.equals(v)) {
                return j;
            }
        }
        try {
            return fromOpenVex(v);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("justification: unknown value '" + value + "' (expected one of "
                    + String.join(", ", java.util.Arrays.stream(values()).map(VexJustification::cycloneDx).toList())
                    + ")");
        }
    }
}
