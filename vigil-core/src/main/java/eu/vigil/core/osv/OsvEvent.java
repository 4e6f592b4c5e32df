package eu.vigil.core.osv;

/** One event of an OSV range: which kind, and the version (or commit) it names. */
public record OsvEvent(Kind kind, String version) {

    /** The four event kinds of the OSV schema. */
    public enum Kind {
        INTRODUCED("introduced"), FIXED("fixed"), LAST_AFFECTED("last_affected"), LIMIT("limit");

        private final String field;

        Kind(String field) {
            this.field = field;
        }

        /** The JSON field name, such as {@code "last_affected"}. */
        public String field() {
            return field;
        }
    }
}
