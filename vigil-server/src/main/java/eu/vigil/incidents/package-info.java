/**
 * Incidents and crisis preparedness: the incident register with its timeline, the significance
 * assessment (NIS2 Art. 23(3), Implementing Regulation (EU) 2024/2690 Arts. 3 to 14) with a
 * person's override, the Art. 23(4) reporting clock with reminders (published as
 * {@link eu.vigil.notifications.Notice}s on topic {@code incidents.deadline}), the reports of each
 * stage (frozen when submitted, superseded rather than edited, exported as PDF and JSON), and
 * business continuity plans with their documents, drills and the backup status. Other modules see
 * only the published events of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incidents and crisis preparedness")
package eu.vigil.incidents;
