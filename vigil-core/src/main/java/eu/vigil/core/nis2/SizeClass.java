package eu.vigil.core.nis2;

import com.fasterxml.jackson.annotation.JsonValue;

/** Enterprise size class of Commission Recommendation 2003/361/EC, as Art. 2(1) NIS2 uses it. */
public enum SizeClass {
    MICRO, SMALL, MEDIUM, LARGE;

    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Medium-sized or above: the size cap of Art. 2(1) is met. */
    public boolean atLeastMedium() {
        return this == MEDIUM || this == LARGE;
    }
}
