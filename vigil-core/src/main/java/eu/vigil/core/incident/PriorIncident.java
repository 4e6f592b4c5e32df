package eu.vigil.core.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * An earlier incident of the same entity, for the recurring-incident rule (Art. 4 of
 * Implementing Regulation 2024/2690).
 *
 * @param id                      its identifier, named in the result
 * @param occurredAt              when it occurred
 * @param rootCause               its apparent root cause, as a short key compared without case
 * @param directFinancialLossEur  its direct financial loss in euros, or {@code null} if unknown (counted as 0)
 * @param individuallySignificant whether it was significant on its own (such incidents are not counted)
 */
public record PriorIncident(String id, Instant occurredAt, String rootCause, Long directFinancialLossEur,
                            boolean individuallySignificant) {

    public PriorIncident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
