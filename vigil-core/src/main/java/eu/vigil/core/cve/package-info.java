/** CVE Record Format 5 (CVE JSON 5) output, for a CNA to submit a vendor's vulnerability. */
package eu.vigil.core.cve;
