package eu.vigil.core.csaf;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The outcome of validating one CSAF document: every failure, in document order per test. */
public record CsafValidation(List<CsafFailure> failures) {

    public CsafValidation {
        failures = List.copyOf(failures);
    }

    /** True when the document passes the JSON schema and every mandatory test. */
    public boolean valid() {
        return failures.isEmpty();
    }

    /** The ids of the tests that failed ({@link CsafFailure#SCHEMA} or a 6.1 test number), in order. */
    public Set<String> failedTests() {
        Set<String> tests = new LinkedHashSet<>();
        failures.forEach(failure -> tests.add(failure.test()));
        return tests;
    }
}
