/**
 * CSAF 2.0 as a producer and trusted provider needs it: validation of a document against the
 * official JSON schema and the mandatory tests of section 6.1 ({@link eu.vigil.core.csaf.CsafValidator}),
 * and the pieces the provider publishes (advisory writer, provider directory layout, OpenPGP signatures).
 * Reading suppliers' CSAF lives elsewhere ({@code eu.vigil.core.feeds.csaf}).
 */
package eu.vigil.core.csaf;
