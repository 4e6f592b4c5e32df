package eu.vigil.vulndb.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.feeds.FeedReader;
import eu.vigil.core.feeds.FeedRecord;
import eu.vigil.core.osv.OsvPackageRef;
import eu.vigil.keys.BlobStore;
import eu.vigil.vulndb.VulnerabilitiesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports feeds into the store in batches of {@value #BATCH} items, each batch one transaction
 * that also moves the run's cursor, so that a run interrupted at any point continues after the last
 * committed batch. A record is written only when it is new, or its {@code modified} time is later
 * than the stored one's, or it is as old but its content differs (golang/vulndb writes zero times);
 * importing the same feed twice changes nothing. Each batch that changed records publishes
 * {@link VulnerabilitiesChanged} with the ids and every package they name now or named before.
 */
@Service
public class FeedImporter {

    static final int BATCH = 500;
    /** Also ends a batch early, so that a batch of huge records stays small in memory. */
    static final long BATCH_BYTES = 32L * 1024 * 1024;
    /** A run whose node has shown no sign of life for this long is taken over by another. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(FeedImporter.class);

    private final VulnerabilityStore store;
    private final ImportRuns runs;
    private final AuditTrail audit;
    private final BlobStore blobs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FeedImporter(VulnerabilityStore store, ImportRuns runs, AuditTrail audit, BlobStore blobs,
                 ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
                 ObjectProvider<Clock> clock) {
        this.store = store;
        this.runs = runs;
        this.audit = audit;
        this.blobs = blobs;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** Records a run of files on this machine (the CLI, the mirror download); audited. */
    public ImportRun queuePaths(FeedSource source, List<Path> paths, String origin, String user) {
        if (paths.isEmpty()) {
            throw new InvalidImport("paths", "name at least one file or folder to import");
        }
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new InvalidImport("paths", p + ": no such file or folder");
            }
        }
        String ref = String.join("\n", paths.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
        return queue(source, "PATHS", ref, origin == null ? ref.replace('\n', ' ') : origin, user);
    }

    /** Keeps an uploaded file encrypted and records a run of it; audited. */
    public ImportRun queueUpload(FeedSource source, String fileName, InputStream content, String user) {
        String name = safeName(fileName, source);
        return transactions.execute(tx -> {
            BlobStore.StoredBlob blob = blobs.put("vulndb-import", content);
            if (blob.size() == 0) {
                throw new InvalidImport("file", "the file is empty");
            }
            return queue(source, "BLOB", blob.id() + "/" + name, "upload " + name, user);
        });
    }

    private ImportRun queue(FeedSource source, String kind, String ref, String origin, String user) {
        return transactions.execute(tx -> {
            long id = runs.insert(source, origin, kind, ref, user, now());
            audit.record(AuditEvent.of("vulndb.import.start").object("vulndb-import", id).actor(user)
                    .detail("source", source.label()).detail("origin", origin));
            return runs.find(id).orElseThrow();
        });
    }

    /** An unfinished run of exactly these files, for an offline import to continue. */
    public Optional<ImportRun> unfinished(FeedSource source, List<Path> paths) {
        String ref = String.join("\n", paths.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
        return runs.unfinished(source, "PATHS", ref);
    }

    /** Runs left unfinished by a node that stopped, which this node may take over. */
    public List<ImportRun> abandoned() {
        return runs.abandoned(now().minus(ABANDONED_AFTER));
    }

    /**
     * Takes the run (unless another node has) and imports from its cursor to the end.
     *
     * @return the finished run, or empty when another node took it first
     */
    public Optional<ImportRun> run(ImportRun run, LongConsumer progress) {
        return run(run, progress, Long.MAX_VALUE);
    }

    /** As {@link #run(ImportRun, LongConsumer)}, stopping (as a crash would) after {@code maxBatches} batches. */
    public Optional<ImportRun> run(ImportRun run, LongConsumer progress, long maxBatches) {
        if (!runs.claim(run.id(), run.heartbeatAt(), now())) {
            return Optional.empty();
        }
        ImportRun current = runs.find(run.id()).orElseThrow();
        Path temporary = null;
        try {
            List<Path> paths;
            if (current.inputKind().equals("BLOB")) {
                temporary = copyOfBlob(current.inputRef());
                paths = List.of(temporary);
            } else {
                paths = current.inputRef().lines().map(Path::of).toList();
            }
            boolean complete;
            try (FeedReader reader = current.source().reader(paths)) {
                reader.skip(current.cursor());
                complete = importBatches(current, reader, progress, maxBatches);
            }
            if (!complete) {
                return runs.find(run.id());
            }
            finish(current, ImportRun.State.DONE, null);
        } catch (InvalidInputException | InvalidImport | UncheckedIOException | IOException e) {
            log.warn("Import run {} failed: {}", run.id(), e.getMessage());
            finish(current, ImportRun.State.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Import run {} failed", run.id(), e);
            finish(current, ImportRun.State.FAILED, "internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
        }
        return runs.find(run.id());
    }

    private void finish(ImportRun run, ImportRun.State state, String message) {
        transactions.executeWithoutResult(tx -> {
            runs.finish(run.id(), state, message, now());
            ImportRun done = runs.find(run.id()).orElseThrow();
            AuditEvent.Builder event = AuditEvent.of("vulndb.import.finish").object("vulndb-import", run.id())
                    .actor(run.startedBy()).detail("source", run.source().label()).detail("state", state.name())
                    .detail("read", done.read()).detail("added", done.added()).detail("updated", done.updated())
                    .detail("unchanged", done.unchanged()).detail("failed", done.failed());
            if (message != null) {
                event.detail("message", message).failed();
            }
            audit.record(event);
            if (run.inputKind().equals("BLOB")) {
                // the upload has served its purpose; the records are stored
                blobs.delete(run.inputRef().substring(0, run.inputRef().indexOf('/')));
            }
        });
    }

    /** @return whether the feed ended (false: stopped after {@code maxBatches}) */
    private boolean importBatches(ImportRun run, FeedReader reader, LongConsumer progress, long maxBatches) {
        long done = run.cursor();
        long problemSeq = run.failed();
        for (long batch = 0; batch < maxBatches; batch++) {
            List<FeedRecord> items = new ArrayList<>(BATCH);
            long bytes = 0;
            FeedRecord item = null;
            while (items.size() < BATCH && bytes < BATCH_BYTES && (item = reader.next()) != null) {
                items.add(item);
                bytes += item.osvJson() == null ? 0 : item.osvJson().length;
            }
            if (items.isEmpty()) {
                return true;
            }
            long firstSeq = problemSeq;
            BatchResult result = transactions.execute(tx -> importBatch(run, items, firstSeq));
            problemSeq += result.failed();
            done += items.size();
            progress.accept(done);
            if (item == null) {
                return true;
            }
        }
        return false;
    }

    private record BatchResult(long failed) {
    }

    private BatchResult importBatch(ImportRun run, List<FeedRecord> items, long firstSeq) {
        List<ImportRuns.Problem> problems = new ArrayList<>();
        Map<String, FeedRecord> byId = new LinkedHashMap<>();
        long read = 0;
        for (FeedRecord item : items) {
            if (item.isProblem()) {
                problems.add(new ImportRuns.Problem(0, item.ref(), item.problem()));
                continue;
            }
            try {
                // times that do not parse would fail the whole batch in the database: refuse the record here
                RecordFacts.time(item.record().modified(), "modified", item.ref());
                RecordFacts.time(item.record().published(), "published", item.ref());
                RecordFacts.time(item.record().withdrawn(), "withdrawn", item.ref());
            } catch (InvalidInputException e) {
                problems.add(new ImportRuns.Problem(0, item.ref(), e.getMessage()));
                continue;
            }
            read++;
            byId.merge(item.record().id(), item, (a, b) -> laterOf(a, b));
        }
        Map<String, VulnerabilityStore.Existing> existing = store.existing(byId.keySet());
        List<VulnerabilityStore.Row> added = new ArrayList<>();
        List<VulnerabilityStore.Row> replaced = new ArrayList<>();
        Set<OsvPackageRef> packages = new LinkedHashSet<>();
        List<String> changedIds = new ArrayList<>();
        long unchanged = read - byId.size(); // duplicates within the batch
        for (FeedRecord item : byId.values()) {
            String id = item.record().id();
            VulnerabilityStore.Existing before = existing.get(id);
            VulnerabilityStore.Row row = new VulnerabilityStore.Row(id, run.source().name(), item.record(), item.osvJson(),
                    run.id());
            if (before == null) {
                added.add(row);
            } else if (changes(item, before)) {
                replaced.add(row);
                packages.addAll(before.packages());
            } else {
                unchanged++;
                continue;
            }
            changedIds.add(id);
            RecordFacts.packages(item.record()).forEach(k -> packages.add(k.written()));
        }
        store.write(added, replaced, now());
        runs.addProblems(run.id(), firstSeq, problems);
        runs.progress(run.id(), items.size(), read, added.size(), replaced.size(), unchanged, problems.size(), now());
        if (!changedIds.isEmpty()) {
            // through the event publication registry: listeners see it once this batch has committed
            events.publishEvent(new VulnerabilitiesChanged(changedIds, packages));
        }
        return new BatchResult(problems.size());
    }

    private static boolean changes(FeedRecord item, VulnerabilityStore.Existing before) {
        Instant modified = RecordFacts.time(item.record().modified(), "modified", item.ref());
        int order = modified.compareTo(before.modified());
        return order > 0 || (order == 0 && !VulnerabilityStore.sha256(item.osvJson()).equals(before.contentHash()));
    }

    private static FeedRecord laterOf(FeedRecord a, FeedRecord b) {
        Instant ma = RecordFacts.time(a.record().modified(), "modified", a.ref());
        Instant mb = RecordFacts.time(b.record().modified(), "modified", b.ref());
        return mb.compareTo(ma) >= 0 ? b : a;
    }

    private Path copyOfBlob(String inputRef) throws IOException {
        int slash = inputRef.indexOf('/');
        String blobId = inputRef.substring(0, slash);
        String name = inputRef.substring(slash + 1);
        Path folder = Files.createTempDirectory("vigil-vulndb-");
        Path file = folder.resolve(name);
        try (InputStream in = blobs.open(blobId)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (IOException e) {
            log.warn("Could not delete the temporary copy {}: {}", file, e.getMessage());
        }
    }

    /** The uploaded file's name reduced to safe characters, with the extension that says how to read it. */
    static String safeName(String fileName, FeedSource source) {
        String base = fileName == null ? "" : Path.of(fileName.replace('\\', '/')).getFileName() == null ? ""
                : fileName.replace('\\', '/').substring(fileName.replace('\\', '/').lastIndexOf('/') + 1);
        base = base.replaceAll("[^A-Za-z0-9._-]", "_");
        String lower = base.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.endsWith(".zip") || lower.endsWith(".json") || lower.endsWith(".json.gz"))) {
            throw new InvalidImport("file", "send a .json, .json.gz or .zip file of " + source.label() + " records"
                    + (base.isEmpty() ? "" : " (not \"" + base + "\")"));
        }
        return base.length() > 120 ? base.substring(base.length() - 120) : base;
    }
}
