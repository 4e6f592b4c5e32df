package eu.vigil.incidents.internal;

import eu.vigil.platform.NotFoundException;

/** No incident, report, plan or drill with that id. */
public class UnknownIncident extends NotFoundException {

    public UnknownIncident(String what, long id) {
        super("There is no " + what + " with id " + id + ".");
    }
}
