package eu.vigil.scope;

import java.time.Instant;

import eu.vigil.core.nis2.EntityProfile;
import eu.vigil.core.nis2.ScopeResult;

/**
 * One stored version of the entity profile with the classification it received.
 *
 * @param version    1 for the first profile, counting up with every change
 * @param profile    the profile as saved
 * @param result     its classification at the time it was saved
 * @param changedBy  who saved it
 * @param changedAt  when
 */
public record ScopeSnapshot(int version, EntityProfile profile, ScopeResult result, String changedBy,
                            Instant changedAt) {
}
