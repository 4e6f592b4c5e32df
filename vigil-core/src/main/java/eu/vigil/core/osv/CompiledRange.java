package eu.vigil.core.osv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import eu.vigil.core.InvalidInputException;
import eu.vigil.core.version.EcosystemVersion;
import eu.vigil.core.version.VersionScheme;

/**
 * A SEMVER or ECOSYSTEM range made ready for matching: event versions parsed once, events sorted,
 * limits apart. {@link #contains} then runs the OSV schema's {@code IncludedInRanges} and
 * {@code BeforeLimits} for one range.
 *
 * <p>The schema sorts events by version but does not say how events of equal versions sort. Real
 * records need two readings, both applied here: an {@code introduced X} written directly before a
 * {@code fixed X} is an empty interval and is dropped (RustSec writes such pairs); otherwise, at
 * equal versions a {@code fixed} sorts before an {@code introduced} (adjacent intervals join, as
 * PyPA records written out of order need), and an {@code introduced} before a
 * {@code last_affected} (the single version {@code [X, X]} stays affected).
 */
final class CompiledRange {

    /** A sorted event; {@code version} is null for {@code introduced: "0"}. */
    private record Event(OsvEvent.Kind kind, EcosystemVersion version) {
    }

    private final OsvRange range;
    private final VersionScheme scheme;
    private final String unsupportedReason;
    private final List<Event> events;
    private final List<EcosystemVersion> limits;
    private final List<EcosystemVersion> fixed;

    private CompiledRange(OsvRange range, VersionScheme scheme, String unsupportedReason, List<Event> events,
                          List<EcosystemVersion> limits) {
        this.range = range;
        this.scheme = scheme;
        this.unsupportedReason = unsupportedReason;
        this.events = events;
        this.limits = limits;
        this.fixed = events.stream().filter(e -> e.kind() == OsvEvent.Kind.FIXED).map(Event::version).toList();
    }

    /**
     * Compiles a range of a package in an ecosystem whose scheme is {@code ecosystemScheme}.
     * SEMVER ranges compare by SemVer whatever the ecosystem; GIT ranges and ranges whose event
     * versions do not parse are kept, marked unsupported, with the reason.
     */
    static CompiledRange compile(OsvRange range, VersionScheme ecosystemScheme) {
        return compile(range, ecosystemScheme, new ParsedVersions());
    }

    /** As {@link #compile(OsvRange, VersionScheme)}, parsing through a cache shared by one package's ranges. */
    static CompiledRange compile(OsvRange range, VersionScheme ecosystemScheme, ParsedVersions versions) {
        VersionScheme scheme = schemeFor(range.type(), ecosystemScheme);
        if (range.type() == OsvRange.Type.GIT) {
            return new CompiledRange(range, scheme,
                    "GIT range (commits of " + range.repo() + ") needs the repository's history; not evaluated",
                    List.of(), List.of());
        }
        List<OsvEvent> written = withoutEmptyPairs(range.events(), scheme);
        List<Event> events = new ArrayList<>();
        List<EcosystemVersion> limits = new ArrayList<>();
        try {
            for (OsvEvent event : written) {
                String v = event.version();
                switch (event.kind()) {
                    case LIMIT -> {
                        if (!v.contains("*")) {
                            limits.add(versions.parse(scheme, v));
                        } else {
                            limits.add(null); // "*" is infinity
                        }
                    }
                    case INTRODUCED -> events.add(new Event(event.kind(), v.equals("0") ? null
                            : versions.parse(scheme, v)));
                    default -> events.add(new Event(event.kind(), versions.parse(scheme, v)));
                }
            }
        } catch (InvalidInputException e) {
            return new CompiledRange(range, scheme, range.type() + " range not evaluated: " + e.getMessage(),
                    List.of(), List.of());
        }
        events.sort(Comparator.comparing(Event::version, Comparator.nullsFirst(Comparator.<EcosystemVersion>naturalOrder()))
                .thenComparingInt(e -> tieRank(e.kind())));
        return new CompiledRange(range, scheme, null, List.copyOf(events), limits);
    }

    /** SEMVER ranges compare by SemVer; the ecosystem's own SemVer dialect parses a query best. */
    static VersionScheme schemeFor(OsvRange.Type type, VersionScheme ecosystemScheme) {
        if (type != OsvRange.Type.SEMVER) {
            return ecosystemScheme;
        }
        boolean semverFamily = ecosystemScheme == VersionScheme.NPM || ecosystemScheme == VersionScheme.CRATES_IO
                || ecosystemScheme == VersionScheme.GO || ecosystemScheme == VersionScheme.SEMVER;
        return semverFamily ? ecosystemScheme : VersionScheme.SEMVER;
    }

    private static int tieRank(OsvEvent.Kind kind) {
        return switch (kind) {
            case FIXED -> 0;
            case INTRODUCED -> 1;
            case LAST_AFFECTED -> 2;
            case LIMIT -> 3;
        };
    }

    /** Drops "introduced X" directly followed by "fixed X": an empty interval. */
    private static List<OsvEvent> withoutEmptyPairs(List<OsvEvent> events, VersionScheme scheme) {
        List<OsvEvent> kept = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            OsvEvent event = events.get(i);
            if (i + 1 < events.size() && event.kind() == OsvEvent.Kind.INTRODUCED
                    && events.get(i + 1).kind() == OsvEvent.Kind.FIXED
                    && sameVersion(event.version(), events.get(i + 1).version(), scheme)) {
                i++;
                continue;
            }
            kept.add(event);
        }
        // when only empty pairs were written, nothing is left, and nothing is affected
        return kept;
    }

    private static boolean sameVersion(String a, String b, VersionScheme scheme) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return !a.equals("0") && scheme.compare(a, b) == 0;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    OsvRange range() {
        return range;
    }

    /** The scheme a query version must be parsed with for this range. */
    VersionScheme scheme() {
        return scheme;
    }

    /** The parsed {@code fixed} versions, sorted; their {@link EcosystemVersion#text()} is as written. */
    List<EcosystemVersion> fixed() {
        return fixed;
    }

    /** Null when the range is evaluated; else why not. */
    String unsupportedReason() {
        return unsupportedReason;
    }

    /** The OSV schema's evaluation of this one range for a version parsed with {@link #scheme()}. */
    boolean contains(EcosystemVersion v) {
        if (!limits.isEmpty()) {
            boolean beforeALimit = false;
            for (EcosystemVersion limit : limits) {
                if (limit == null || v.compareTo(limit) < 0) {
                    beforeALimit = true;
                    break;
                }
            }
            if (!beforeALimit) {
                return false;
            }
        }
        boolean affected = false;
        for (Event e : events) {
            switch (e.kind()) {
                case INTRODUCED -> {
                    if (e.version() == null || v.compareTo(e.version()) >= 0) {
                        affected = true;
                    }
                }
                case FIXED -> {
                    if (v.compareTo(e.version()) >= 0) {
                        affected = false;
                    }
                }
                case LAST_AFFECTED -> {
                    if (v.compareTo(e.version()) > 0) {
                        affected = false;
                    }
                }
                case LIMIT -> {
                    // limits are checked above
                }
            }
        }
        return affected;
    }
}
