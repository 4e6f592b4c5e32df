package eu.vigil.scope;

import eu.vigil.platform.NotFoundException;

/** No entity profile has been saved yet. */
public class ProfileNotSet extends NotFoundException {

    public ProfileNotSet() {
        super("No entity profile has been saved yet. Fill in the scope profile first.");
    }
}
