package eu.vigil.core.osv;

import java.util.List;

/**
 * One {@code affected[].ranges[]} entry: its type, the repository of a {@code GIT} range (else
 * null), and its events as written.
 */
public record OsvRange(Type type, String repo, List<OsvEvent> events) {

    /** The OSV range types. Only {@code SEMVER} and {@code ECOSYSTEM} ranges are evaluated. */
    public enum Type { SEMVER, ECOSYSTEM, GIT }

    public OsvRange {
        events = List.copyOf(events);
    }

    /** The versions of the events of one kind, in written order. */
    public List<String> versionsOf(OsvEvent.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).map(OsvEvent::version).toList();
    }
}
