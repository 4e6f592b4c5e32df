/**
 * Incidents and crisis preparedness: the incident register with its timeline, the significance
 * assessment (NIS2 Art. 23(3), Implementing Regulation (EU) 2024/2690 Arts. 3 to 14) with a
 * person's override, the Art. 23(4) reporting clock with reminders, the reports of each stage
 * (frozen when submitted, superseded rather than edited, exported as PDF and JSON), and business
 * continuity plans and drills. Other modules see only the published events of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incidents and crisis preparedness")
package eu.vigil.incidents;
