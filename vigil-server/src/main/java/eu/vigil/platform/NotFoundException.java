package eu.vigil.platform;

/**
 * Something asked for by id does not exist (or is not the caller's to see, which is reported the
 * same way so that ids cannot be probed). Modules extend it with their own named exceptions.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
