/** SPDX licence expressions: parsing and evaluation against an allowed / review / forbidden policy. */
package eu.vigil.core.licence;
