package eu.vigil.core.incident;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the reporting clock is computed from.
 *
 * @param awareAt              when the entity became aware of the significant incident (t0); never {@code null}
 * @param trustServiceProvider whether the incident impacts the provision of trust services, which
 *                             shortens the incident notification to 24 hours (Art. 23(4), second subparagraph)
 * @param submitted            when each stage's report was first submitted; stages not submitted are absent
 * @param handledAt            when the incident was handled (resolved), or {@code null} while it is ongoing
 */
public record ClockFacts(Instant awareAt, boolean trustServiceProvider, Map<ReportStage, Instant> submitted,
                         Instant handledAt) {

    public ClockFacts {
        Objects.requireNonNull(awareAt, "awareAt");
        EnumMap<ReportStage, Instant> copy = new EnumMap<>(ReportStage.class);
        if (submitted != null) {
            submitted.forEach((stage, at) -> {
                if (at != null) {
                    copy.put(stage, at);
                }
            });
        }
        submitted = java.util.Collections.unmodifiableMap(copy);
    }

    /** Facts of an incident with nothing submitted yet and still ongoing. */
    public static ClockFacts awareAt(Instant awareAt, boolean trustServiceProvider) {
        return new ClockFacts(awareAt, trustServiceProvider, Map.of(), null);
    }

    public ClockFacts withSubmitted(ReportStage stage, Instant at) {
        EnumMap<ReportStage, Instant> copy = new EnumMap<>(ReportStage.class);
        copy.putAll(submitted);
        copy.put(stage, at);
        return new ClockFacts(awareAt, trustServiceProvider, copy, handledAt);
    }

    public ClockFacts withHandledAt(Instant at) {
        return new ClockFacts(awareAt, trustServiceProvider, submitted, at);
    }

    Instant submittedAt(ReportStage stage) {
        return submitted.get(stage);
    }
}
