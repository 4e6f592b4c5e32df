package eu.vigil.vulndb.internal;

import java.time.Instant;

/**
 * One import of a feed: where from, how far it got ({@code cursor}: items of the feed done and
 * committed), and what it did. {@code inputKind} is {@code PATHS} (files on this machine, one per
 * line of {@code inputRef}) or {@code BLOB} (an upload kept encrypted until the run ends:
 * {@code inputRef} is {@code blobId/fileName}).
 */
public record ImportRun(long id, FeedSource source, String origin, String inputKind, String inputRef, State state,
                        Instant startedAt, String startedBy, Instant heartbeatAt, Instant finishedAt, long cursor,
                        long read, long added, long updated, long unchanged, long failed, String message) {

    /** Where a run is. */
    public enum State { QUEUED, RUNNING, DONE, FAILED }

    public boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }
}
