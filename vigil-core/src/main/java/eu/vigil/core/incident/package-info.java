/**
 * NIS2 incident rules as pure functions: the Art. 23(4) reporting clock ({@link eu.vigil.core.incident.ReportingClock}),
 * the significance assessment of Art. 23(3) and Implementing Regulation (EU) 2024/2690 Arts. 3 to 14
 * ({@link eu.vigil.core.incident.SignificanceAssessor}) and the content each report stage must hold
 * ({@link eu.vigil.core.incident.ReportTemplate}). No clock is read here: the current time is always an argument.
 */
package eu.vigil.core.incident;
