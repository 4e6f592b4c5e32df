package eu.vigil.compliance;

import java.util.Map;
import java.util.stream.Collectors;

/** Input that cannot be accepted; {@link #fields()} names every field at fault and why. Nothing was changed. */
public class InvalidInput extends RuntimeException {

    private final transient Map<String, String> fields;

    public InvalidInput(Map<String, String> fields) {
        super(fields.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
        this.fields = Map.copyOf(fields);
    }

    public Map<String, String> fields() {
        return fields;
    }
}
