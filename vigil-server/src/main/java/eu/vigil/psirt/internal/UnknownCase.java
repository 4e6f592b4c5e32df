package eu.vigil.psirt.internal;

/** No case (or no report for a tracking token) with that id. */
public class UnknownCase extends RuntimeException {

    public UnknownCase(String what) {
        super(what);
    }
}
