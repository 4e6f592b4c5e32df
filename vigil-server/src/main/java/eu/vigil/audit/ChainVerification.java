package eu.vigil.audit;

import java.time.Instant;

/**
 * The result of checking the whole chain.
 *
 * @param intact          whether every link, the head and every checkpoint check out
 * @param entries         entries checked
 * @param firstBrokenSeq  the first entry that does not check, or {@code null}
 * @param problem         what is wrong there, in words, or {@code null}
 * @param checkpoints     signed checkpoints whose signature and hash were checked
 * @param lastCheckpoint  the newest checkpoint's position, or 0
 * @param pending         entries recorded but not yet chained
 */
public record ChainVerification(boolean intact, long entries, Long firstBrokenSeq, String problem,
                                int checkpoints, long lastCheckpoint, long pending, Instant checkedAt,
                                double seconds) implements java.io.Serializable {
}
