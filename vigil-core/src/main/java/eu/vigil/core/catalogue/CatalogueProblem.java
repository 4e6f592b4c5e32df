package eu.vigil.core.catalogue;

/**
 * One reason a catalogue file was rejected.
 *
 * @param source the file or resource name
 * @param line 1-based line of the problem, or 0 when not known
 * @param column 1-based column, or 0 when not known
 * @param path JSON path of the value at fault, e.g. {@code $.requirements[12].parent}
 * @param problem what is wrong, in plain words
 */
public record CatalogueProblem(String source, int line, int column, String path, String problem) {

    @Override
    public String toString() {
        return source + ":" + line + ":" + column + ": " + path + ": " + problem;
    }
}
