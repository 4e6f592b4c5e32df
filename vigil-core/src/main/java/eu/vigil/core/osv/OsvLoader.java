package eu.vigil.core.osv;

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
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import eu.vigil.core.InvalidInputException;

/**
 * Reads OSV records from single JSON files, folders (recursively: every {@code .json} and
 * {@code .zip} file), and zips as osv.dev publishes them ({@code all.zip},
 * {@code <Ecosystem>/all.zip}: one JSON record per entry). A corrupt record is reported as an
 * {@link OsvLoadProblem} naming the file or entry and skipped; the rest load. Records are read one
 * at a time with a size limit ({@link OsvRecordReader#MAX_RECORD_BYTES}), whatever a zip entry
 * claims its size is, and a zip may hold at most {@value #MAX_ZIP_ENTRIES} entries.
 */
public final class OsvLoader {

    /** More entries than any osv.dev export holds (all ecosystems together are under 1.5 million). */
    public static final int MAX_ZIP_ENTRIES = 5_000_000;

    private OsvLoader() {
    }

    /**
     * Loads records from files, folders and zips.
     *
     * @throws InvalidInputException when a path does not exist or is neither a JSON file, a zip nor a folder
     */
    public static OsvLoadResult load(List<Path> paths) {
        List<OsvVulnerability> records = new ArrayList<>();
        List<OsvLoadProblem> problems = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                loadFolder(path, records, problems);
            } else if (Files.isRegularFile(path)) {
                if (isZip(path)) {
                    loadZip(path, records, problems);
                } else {
                    loadFile(path, records, problems);
                }
            } else {
                throw new InvalidInputException(path + ": no such file or folder");
            }
        }
        return new OsvLoadResult(records, problems);
    }

    /** Loads records from files, folders and zips. */
    public static OsvLoadResult load(Path... paths) {
        return load(List.of(paths));
    }

    private static boolean isZip(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static void loadFolder(Path folder, List<OsvVulnerability> records, List<OsvLoadProblem> problems) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".json") || name.endsWith(".zip");
            }).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException(folder + ": cannot list the folder: " + e.getMessage(), e);
        }
        for (Path file : files) {
            if (isZip(file)) {
                loadZip(file, records, problems);
            } else {
                loadFile(file, records, problems);
            }
        }
    }

    private static void loadFile(Path file, List<OsvVulnerability> records, List<OsvLoadProblem> problems) {
        try {
            if (Files.size(file) > OsvRecordReader.MAX_RECORD_BYTES) {
                problems.add(new OsvLoadProblem(file.toString(), "larger than " + OsvRecordReader.MAX_RECORD_BYTES
                        + " bytes; not an OSV record"));
                return;
            }
            records.add(OsvRecordReader.read(Files.readAllBytes(file), file.toString()));
        } catch (InvalidInputException e) {
            problems.add(new OsvLoadProblem(file.toString(), e.getMessage()));
        } catch (IOException e) {
            problems.add(new OsvLoadProblem(file.toString(), "cannot read: " + e.getMessage()));
        }
    }

    private static void loadZip(Path zip, List<OsvVulnerability> records, List<OsvLoadProblem> problems) {
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            if (zipFile.size() > MAX_ZIP_ENTRIES) {
                problems.add(new OsvLoadProblem(zip.toString(), "holds more than " + MAX_ZIP_ENTRIES + " entries"));
                return;
            }
            Enumeration<? extends ZipEntry> entries = zipFile.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().toLowerCase(Locale.ROOT).endsWith(".json")) {
                    continue;
                }
                String source = zip + "!" + entry.getName();
                if (entry.getSize() > OsvRecordReader.MAX_RECORD_BYTES) {
                    problems.add(new OsvLoadProblem(source, "larger than " + OsvRecordReader.MAX_RECORD_BYTES
                            + " bytes; not an OSV record"));
                    continue;
                }
                // parsed straight from the inflating stream; the reader stops any record, whatever
                // its entry claims, at MAX_RECORD_BYTES
                try (InputStream in = zipFile.getInputStream(entry)) {
                    records.add(OsvRecordReader.read(in, source));
                } catch (InvalidInputException e) {
                    problems.add(new OsvLoadProblem(source, e.getMessage()));
                } catch (IOException e) {
                    problems.add(new OsvLoadProblem(source, "cannot read the entry: " + e.getMessage()));
                }
            }
        } catch (ZipException e) {
            problems.add(new OsvLoadProblem(zip.toString(), "not a readable zip: " + e.getMessage()));
        } catch (IOException e) {
            problems.add(new OsvLoadProblem(zip.toString(), "cannot read: " + e.getMessage()));
        }
    }
}
