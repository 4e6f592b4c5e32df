package eu.vigil.core.catalogue;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The eight areas of Vigil's security programme, along which assessments roll up. */
public enum Area {
    LEADERSHIP_AWARENESS("leadership-awareness", "Leadership awareness"),
    CRISIS_PREPAREDNESS("crisis-preparedness", "Crisis preparedness"),
    NETWORK_SECURITY("network-security", "Network security"),
    CRYPTOGRAPHY("cryptography", "Cryptography"),
    SECURITY_POLICIES("security-policies", "Security policies"),
    SUPPLY_CHAIN("supply-chain", "Supply chain"),
    VULNERABILITY_MANAGEMENT("vulnerability-management", "Vulnerability management"),
    TRAINING("training", "Training");

    private final String code;
    private final String displayName;

    Area(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    /** The code used in catalogue files, e.g. {@code supply-chain}. */
    @JsonValue
    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<Area> fromCode(String code) {
        return Arrays.stream(values()).filter(area -> area.code.equals(code)).findFirst();
    }
}
