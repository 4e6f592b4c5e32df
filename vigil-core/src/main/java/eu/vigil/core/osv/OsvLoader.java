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
import java.util.stream.IntStream;
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
        List<Path> jsonFiles = files.stream().filter(f -> !isZip(f)).toList();
        Object[] results = new Object[jsonFiles.size()];
        // records are independent: read them on all cores, keep them in file order
        IntStream.range(0, jsonFiles.size()).parallel().forEach(i -> results[i] = readFile(jsonFiles.get(i)));
        collect(results, records, problems);
        for (Path zip : files) {
            if (isZip(zip)) {
                loadZip(zip, records, problems);
            }
        }
    }

    private static void collect(Object[] results, List<OsvVulnerability> records, List<OsvLoadProblem> problems) {
        for (Object result : results) {
            if (result instanceof OsvVulnerability v) {
                records.add(v);
            } else {
                problems.add((OsvLoadProblem) result);
            }
        }
    }

    private static void loadFile(Path file, List<OsvVulnerability> records, List<OsvLoadProblem> problems) {
        collect(new Object[] {readFile(file)}, records, problems);
    }

    /** The record of a file, or the problem that kept it out. */
    private static Object readFile(Path file) {
        try {
            if (Files.size(file) > OsvRecordReader.MAX_RECORD_BYTES) {
                return new OsvLoadProblem(file.toString(), "larger than " + OsvRecordReader.MAX_RECORD_BYTES
                        + " bytes; not an OSV record");
            }
            return OsvRecordReader.read(Files.readAllBytes(file), file.toString());
        } catch (InvalidInputException e) {
            return new OsvLoadProblem(file.toString(), e.getMessage());
        } catch (IOException e) {
            return new OsvLoadProblem(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    private static void loadZip(Path zip, List<OsvVulnerability> records, List<OsvLoadProblem> problems) {
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            if (zipFile.size() > MAX_ZIP_ENTRIES) {
                problems.add(new OsvLoadProblem(zip.toString(), "holds more than " + MAX_ZIP_ENTRIES + " entries"));
                return;
            }
            List<ZipEntry> entries = new ArrayList<>();
            Enumeration<? extends ZipEntry> all = zipFile.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (!entry.isDirectory() && entry.getName().toLowerCase(Locale.ROOT).endsWith(".json")) {
                    entries.add(entry);
                }
            }
            Object[] results = new Object[entries.size()];
            // ZipFile serves entries to several threads; records keep the zip's order
            IntStream.range(0, entries.size()).parallel()
                    .forEach(i -> results[i] = readEntry(zip, zipFile, entries.get(i)));
            collect(results, records, problems);
        } catch (ZipException e) {
            problems.add(new OsvLoadProblem(zip.toString(), "not a readable zip: " + e.getMessage()));
        } catch (IOException e) {
            problems.add(new OsvLoadProblem(zip.toString(), "cannot read: " + e.getMessage()));
        }
    }

    /** The record of a zip entry, or the problem that kept it out. */
    private static Object readEntry(Path zip, ZipFile zipFile, ZipEntry entry) {
        String source = zip + "!" + entry.getName();
        if (entry.getSize() > OsvRecordReader.MAX_RECORD_BYTES) {
            return new OsvLoadProblem(source, "larger than " + OsvRecordReader.MAX_RECORD_BYTES
                    + " bytes; not an OSV record");
        }
        // parsed straight from the inflating stream; the reader stops any record, whatever its
        // entry claims, at MAX_RECORD_BYTES
        try (InputStream in = zipFile.getInputStream(entry)) {
            return OsvRecordReader.read(in, source);
        } catch (InvalidInputException e) {
            return new OsvLoadProblem(source, e.getMessage());
        } catch (IOException e) {
            return new OsvLoadProblem(source, "cannot read the entry: " + e.getMessage());
        }
    }
}
