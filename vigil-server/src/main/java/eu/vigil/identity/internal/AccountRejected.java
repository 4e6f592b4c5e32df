package eu.vigil.identity.internal;

import java.util.Map;

/** A form that cannot be accepted: each field with what is wrong with it. Nothing was changed. */
public class AccountRejected extends RuntimeException {

    private final Map<String, String> problems;

    public AccountRejected(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public static AccountRejected of(String field, String problem) {
        return new AccountRejected(Map.of(field, problem));
    }

    public Map<String, String> problems() {
        return problems;
    }
}
