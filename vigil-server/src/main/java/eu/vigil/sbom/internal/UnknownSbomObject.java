package eu.vigil.sbom.internal;

import eu.vigil.platform.NotFoundException;

/** A product, release, component or finding that does not exist. */
public class UnknownSbomObject extends NotFoundException {

    public UnknownSbomObject(String what, Object id) {
        super("No " + what + " " + id + ".");
    }
}
