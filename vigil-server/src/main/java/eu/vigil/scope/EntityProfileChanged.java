package eu.vigil.scope;

import eu.vigil.core.nis2.Classification;

/**
 * The entity profile was saved and classified again.
 *
 * @param version            the new profile version
 * @param classification     the classification now in force
 * @param previous           the classification before, or {@code null} for the first profile
 * @param indirectlyAffected whether the entity is reached as a supplier
 */
public record EntityProfileChanged(int version, Classification classification, Classification previous,
                                   boolean indirectlyAffected) {
}
