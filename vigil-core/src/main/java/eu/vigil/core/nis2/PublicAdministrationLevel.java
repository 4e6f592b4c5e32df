package eu.vigil.core.nis2;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Level of a public administration entity (Art. 2(2)(f) and 2(5)(a) NIS2). */
public enum PublicAdministrationLevel {
    CENTRAL, REGIONAL, LOCAL;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<PublicAdministrationLevel> fromCode(String code) {
        return Arrays.stream(values()).filter(level -> level.code().equals(code)).findFirst();
    }
}
