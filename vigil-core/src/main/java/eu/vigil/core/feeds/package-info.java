/**
 * Vulnerability feeds read as a stream of OSV-shaped records, one at a time, so that a feed of any
 * size imports in bounded memory: OSV files, folders and zips ({@link eu.vigil.core.feeds.OsvFeedReader}),
 * NVD CVE API 2.0 JSON ({@link eu.vigil.core.feeds.nvd.NvdFeedReader}) and suppliers' CSAF 2.0
 * advisories ({@link eu.vigil.core.feeds.csaf.CsafFeedReader}). A bad record is handed on as a
 * problem naming it, and reading goes on with the next one.
 */
package eu.vigil.core.feeds;
