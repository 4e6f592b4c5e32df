/**
 * Requirement catalogues shipped with Vigil and loadable from files: NIS2 Art. 20, 21 and 23, the
 * annex of Implementing Regulation (EU) 2024/2690, CRA Annex I and ETSI EN 303 645. Each
 * requirement is mapped to ISO/IEC 27001:2022 Annex A controls, to the eight security
 * {@link eu.vigil.core.catalogue.Area areas}, and to equivalent requirements of other catalogues, so
 * that one piece of evidence can serve several. {@link eu.vigil.core.catalogue.CatalogueReader}
 * rejects a catalogue file whole, naming the line and JSON path of every problem.
 */
package eu.vigil.core.catalogue;
