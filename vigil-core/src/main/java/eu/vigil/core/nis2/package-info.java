/**
 * NIS2 applicability: an {@link eu.vigil.core.nis2.EntityProfile} in, a
 * {@link eu.vigil.core.nis2.ScopeResult} out (essential, important or out of scope, with every
 * Art. 2/3 rule that fired and the Art. 26 jurisdiction note). The entity-type catalogue of
 * Annexes I and II is in {@link eu.vigil.core.nis2.EntityTypes}; profile files are read by
 * {@link eu.vigil.core.nis2.EntityProfileReader}.
 */
package eu.vigil.core.nis2;
