package eu.vigil.core.osv;

/** A file or zip entry that could not be read as an OSV record, and why; the rest still load. */
public record OsvLoadProblem(String source, String message) {
}
