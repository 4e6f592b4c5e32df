package eu.vigil.core.incident;

/**
 * A significance criterion that fired.
 *
 * @param code      a stable code: {@code NIS2-23.3.a}, {@code IR2690-3.1.a}, {@code IR2690-7.b} ...
 * @param reference the legal reference a person can look up
 * @param summary   what the criterion says, in Vigil's words
 * @param finding   why it fired for this incident, with the numbers
 */
public record Criterion(String code, String reference, String summary, String finding) {
}
