package eu.vigil.core.feeds;

import java.io.Closeable;

/**
 * Reads a feed one item at a time in a fixed order: the same input gives the same items in the same
 * order, so that an import can note how many items it has done and, after a crash, {@link #skip}
 * them and go on.
 */
public interface FeedReader extends Closeable {

    /** The next item, or null at the end of the feed. */
    FeedRecord next();

    /** Passes over the next {@code count} items without converting them (fewer at the end of the feed). */
    void skip(long count);

    @Override
    void close();
}
