package eu.vigil.core.feeds;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import eu.vigil.core.InvalidInputException;

/**
 * The files of a feed: JSON files ({@code .json}, {@code .json.gz}), zips of JSON entries, and
 * folders of both (walked in name order). Each JSON document is handed to the subclass, which turns
 * it into items; zip entries are enumerated lazily, so a zip of a million records costs no memory.
 */
public abstract class FileFeedReader implements FeedReader {

    /** Opens a document's bytes when the items are really read (never for skipped OSV entries). */
    @FunctionalInterface
    protected interface Opener {
        InputStream open() throws IOException;
    }

    /** The items of one JSON document. */
    protected interface Items {
        /** The next item; with {@code convert} false a cheap non-null marker; null at the end. */
        FeedRecord next(boolean convert);

        default void close() {
        }
    }

    /** What {@link Items#next(boolean)} gives for an item passed over. */
    protected static final FeedRecord SKIPPED = FeedRecord.problem("", "skipped");

    private final List<Path> files;
    private int fileIndex;
    private ZipFile zip;
    private Path zipPath;
    private Enumeration<? extends ZipEntry> entries;
    private Items current;

    protected FileFeedReader(List<Path> paths) {
        this.files = expand(paths);
    }

    /** The files the paths name, folders walked in name order. */
    public static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(FileFeedReader::isFeedFile).sorted().forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    throw new InvalidInputException(path + ": cannot list the folder: " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new InvalidInputException(path + ": no such file or folder");
            }
        }
        return List.copyOf(files);
    }

    private static boolean isFeedFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".json.gz") || name.endsWith(".zip");
    }

    /** The items of one document; {@code source} names the file or {@code zip!entry}. */
    protected abstract Items open(Opener opener, String source);

    @Override
    public final FeedRecord next() {
        return advance(true);
    }

    @Override
    public final void skip(long count) {
        for (long i = 0; i < count; i++) {
            if (advance(false) == null) {
                return;
            }
        }
    }

    private FeedRecord advance(boolean convert) {
        while (true) {
            if (current != null) {
                FeedRecord item = current.next(convert);
                if (item != null) {
                    return item;
                }
                current.close();
                current = null;
            }
            if (entries != null) {
                if (nextEntry()) {
                    continue;
                }
                closeZip();
            }
            if (fileIndex >= files.size()) {
                return null;
            }
            Path file = files.get(fileIndex++);
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".zip")) {
                try {
                    zip = new ZipFile(file.toFile());
                    zipPath = file;
                    entries = zip.entries();
                } catch (IOException e) {
                    // one item for the zip, counted in the fixed order like any other
                    current = single(FeedRecord.problem(file.toString(), "not a readable zip: " + e.getMessage()));
                }
            } else {
                current = open(() -> decompressed(Files.newInputStream(file), name), file.toString());
            }
        }
    }

    private boolean nextEntry() {
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName().toLowerCase(Locale.ROOT);
            if (entry.isDirectory() || !(name.endsWith(".json") || name.endsWith(".json.gz"))) {
                continue;
            }
            ZipFile file = zip;
            current = open(() -> decompressed(file.getInputStream(entry), name), zipPath + "!" + entry.getName());
            return true;
        }
        return false;
    }

    private static InputStream decompressed(InputStream in, String name) throws IOException {
        InputStream buffered = new BufferedInputStream(in, 65536);
        return name.endsWith(".gz") ? new GZIPInputStream(buffered, 65536) : buffered;
    }

    private static Items single(FeedRecord record) {
        return new Items() {
            private boolean given;

            @Override
            public FeedRecord next(boolean convert) {
                if (given) {
                    return null;
                }
                given = true;
                return convert ? record : SKIPPED;
            }
        };
    }

    private void closeZip() {
        entries = null;
        if (zip != null) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // read-only; nothing to lose
            }
            zip = null;
        }
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
        closeZip();
    }

    /** Reads at most {@code limit} bytes, refusing more, whatever a zip entry claims its size is. */
    protected static byte[] readLimited(InputStream in, int limit, String source) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new InvalidInputException(source + ": larger than " + limit + " bytes");
        }
        return bytes;
    }
}
