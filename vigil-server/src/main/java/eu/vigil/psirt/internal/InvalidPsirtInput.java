package eu.vigil.psirt.internal;

import java.util.List;

/** Input the PSIRT module refuses, with the reasons (each a message a person can act on). */
public class InvalidPsirtInput extends RuntimeException {

    private final List<String> problems;

    public InvalidPsirtInput(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidPsirtInput(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
