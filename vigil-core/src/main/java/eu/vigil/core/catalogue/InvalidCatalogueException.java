package eu.vigil.core.catalogue;

import java.util.List;
import java.util.stream.Collectors;

import eu.vigil.core.InvalidInputException;

/** A catalogue file rejected whole; {@link #problems()} gives the line and JSON path of each problem. */
public class InvalidCatalogueException extends InvalidInputException {

    private final transient List<CatalogueProblem> problems;

    public InvalidCatalogueException(List<CatalogueProblem> problems) {
        super("invalid catalogue: " + problems.stream().limit(20).map(CatalogueProblem::toString)
                .collect(Collectors.joining("; ")) + (problems.size() > 20 ? "; and " + (problems.size() - 20)
                        + " more" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<CatalogueProblem> problems() {
        return problems;
    }
}
