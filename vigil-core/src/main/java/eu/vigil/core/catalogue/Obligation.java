package eu.vigil.core.catalogue;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a standard's provision must or should be met (e.g. ETSI EN 303 645 "shall" and "should"). */
public enum Obligation {
    MANDATORY("mandatory"), RECOMMENDED("recommended");

    private final String code;

    Obligation(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<Obligation> fromCode(String code) {
        return Arrays.stream(values()).filter(obligation -> obligation.code.equals(code)).findFirst();
    }
}
