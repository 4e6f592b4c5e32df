package eu.vigil.core.nis2;

import java.util.List;
import java.util.stream.Collectors;

import eu.vigil.core.InvalidInputException;

/** An entity profile that cannot be classified; {@link #problems()} names every field at fault. */
public class InvalidProfileException extends InvalidInputException {

    private final transient List<FieldProblem> problems;

    public InvalidProfileException(List<FieldProblem> problems) {
        super("invalid entity profile: " + problems.stream().map(FieldProblem::toString)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
