package eu.vigil.compliance;

import eu.vigil.platform.NotFoundException;

/** No assessment (or requirement of an assessment) with the given id. */
public class AssessmentNotFound extends NotFoundException {

    public AssessmentNotFound(String message) {
        super(message);
    }
}
