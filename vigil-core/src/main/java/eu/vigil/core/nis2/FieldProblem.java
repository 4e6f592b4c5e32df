package eu.vigil.core.nis2;

/**
 * One thing wrong with a profile.
 *
 * @param field the field, as a JSON path below the profile object (e.g. {@code entityTypes[2]})
 * @param problem what is wrong and how to put it right, in plain words
 */
public record FieldProblem(String field, String problem) {

    @Override
    public String toString() {
        return field + ": " + problem;
    }
}
