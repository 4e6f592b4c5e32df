package eu.vigil.core.osv;

import java.util.List;

/** The records read from files, folders and zips, and the files or entries that were skipped. */
public record OsvLoadResult(List<OsvVulnerability> records, List<OsvLoadProblem> problems) {

    public OsvLoadResult {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }

    /** An index of the records read. */
    public OsvIndex index() {
        return OsvIndex.of(records);
    }
}
