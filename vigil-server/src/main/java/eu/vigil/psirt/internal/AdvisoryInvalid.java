package eu.vigil.psirt.internal;

import java.util.List;

import eu.vigil.core.csaf.CsafFailure;

/** The advisory fails the CSAF schema or a mandatory test, so it cannot be published. */
public class AdvisoryInvalid extends RuntimeException {

    private final List<CsafFailure> failures;

    public AdvisoryInvalid(List<CsafFailure> failures) {
        super("The advisory fails " + failures.size() + " CSAF check(s); it cannot be published.");
        this.failures = List.copyOf(failures);
    }

    public List<CsafFailure> failures() {
        return failures;
    }
}
