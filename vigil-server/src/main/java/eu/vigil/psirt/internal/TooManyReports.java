package eu.vigil.psirt.internal;

/** The client address sent more reports this hour than the intake accepts. */
public class TooManyReports extends RuntimeException {

    public TooManyReports(int perHour) {
        super("Too many reports from your address: at most " + perHour + " an hour are accepted. Try again later.");
    }
}
