package eu.vigil.core.nis2;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a Member State has identified the entity: under Art. 2(2)(b)–(e) (or, for local public
 * administration and education institutions, under its Art. 2(5) option), as essential or important.
 */
public enum MemberStateDesignation {
    ESSENTIAL, IMPORTANT;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<MemberStateDesignation> fromCode(String code) {
        return Arrays.stream(values()).filter(designation -> designation.code().equals(code)).findFirst();
    }
}
