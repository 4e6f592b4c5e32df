/**
 * Suppliers' CSAF 2.0 advisories read as OSV records: each vulnerability of a document becomes one
 * record whose affected entries come from the product tree (purl or CPE helpers) and the
 * vulnerability's product status. Validation and writing of CSAF are elsewhere ({@code eu.vigil.core.csaf}).
 */
package eu.vigil.core.feeds.csaf;
