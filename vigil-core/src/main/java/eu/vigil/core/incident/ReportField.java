package eu.vigil.core.incident;

/**
 * One item a report holds.
 *
 * @param key       the stable name used in forms, JSON and error messages
 * @param label     what a person reads
 * @param mandatory whether the report cannot be submitted without it
 * @param choice    whether the answer is one of yes, no, unknown (otherwise free text)
 * @param reference where the law asks for it
 */
public record ReportField(String key, String label, boolean mandatory, boolean choice, String reference) {
}
