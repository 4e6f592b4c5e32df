/**
 * The Cyber Resilience Act Art. 14(2) reporting clock of an actively exploited vulnerability: early
 * warning, vulnerability notification and final report to the single reporting platform.
 */
package eu.vigil.core.cra;
