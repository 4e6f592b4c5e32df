package eu.vigil.core.nis2;

import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of Art. 3 NIS2, ordered from the weakest to the strongest. */
public enum Classification {
    OUT_OF_SCOPE, IMPORTANT, ESSENTIAL;

    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
