package eu.vigil.incidents.internal;

/** A submitted (or superseded) report was to be changed: it can only be superseded by a new version. */
public class ReportFrozen extends RuntimeException {

    public ReportFrozen(long reportId, String status) {
        super("Report " + reportId + " is " + status.toLowerCase(java.util.Locale.ROOT)
                + " and cannot be changed; supersede it with a new version instead.");
    }

    public ReportFrozen(String message) {
        super(message);
    }
}
