package eu.vigil.core.csaf;

import java.util.Objects;

/**
 * One failed check of a CSAF document: the test that failed ({@code "schema"} for the JSON schema,
 * otherwise the section number of the mandatory test, e.g. {@code "6.1.27.9"}), the JSON pointer
 * (RFC 6901) of the offending value, and what is wrong.
 */
public record CsafFailure(String test, String path, String message) {

    /** The id used for JSON schema violations. */
    public static final String SCHEMA = "schema";

    public CsafFailure {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
