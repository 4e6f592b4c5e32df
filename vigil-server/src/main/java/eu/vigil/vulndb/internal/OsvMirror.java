package eu.vigil.vulndb.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import eu.vigil.platform.DataFolder;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled download of OSV exports from a mirror ({@code vigil.vulndb.osv.mirror}, off when
 * empty): {@code <mirror>/<ecosystem>/all.zip} for each of {@code vigil.vulndb.osv.ecosystems},
 * on {@code vigil.vulndb.osv.schedule} (cron, default 03:15 UTC daily), each imported as a run.
 * HTTPS with the JDK's certificate checks; plain HTTP only with {@code vigil.vulndb.osv.allow-http=true}
 * (tests, a mirror on the local network). {@code If-Modified-Since} the last download saves fetching
 * an unchanged export. A ShedLock lock makes one node download when several share a database. The
 * zip is kept under {@code <data>/vulndb/downloads} until its run is done, so that a node that takes
 * over an interrupted run finds it (on shared storage).
 */
@Component
public class OsvMirror {

    /** The mirror's settings. */
    public record Settings(String mirror, List<String> ecosystems, boolean allowHttp, long maxBytes, Path downloads) {

        static Settings from(Environment environment) {
            String ecosystems = environment.getProperty("vigil.vulndb.osv.ecosystems", "Maven,npm,PyPI,Go,crates.io");
            return new Settings(environment.getProperty("vigil.vulndb.osv.mirror", "").strip(),
                    Arrays.stream(ecosystems.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                    environment.getProperty("vigil.vulndb.osv.allow-http", Boolean.class, false),
                    environment.getProperty("vigil.vulndb.osv.max-download-bytes", Long.class, 4L * 1024 * 1024 * 1024),
                    DataFolder.from(environment).root().resolve("vulndb").resolve("downloads"));
        }
    }

    /** What happened to one ecosystem's export. */
    public record Outcome(String ecosystem, String url, String result, ImportRun run) {
    }

    private static final Logger log = LoggerFactory.getLogger(OsvMirror.class);
    static final String ACTOR = "vulndb-mirror";

    private final FeedImporter importer;
    private final ImportRuns runs;
    private final LockingTaskExecutor locks;
    private final Settings settings;
    private final boolean jobsEnabled;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Autowired
    OsvMirror(FeedImporter importer, ImportRuns runs, DataSource dataSource, Environment environment) {
        this(importer, runs, dataSource, Settings.from(environment),
                environment.getProperty("vigil.jobs.enabled", Boolean.class, true));
    }

    public OsvMirror(FeedImporter importer, ImportRuns runs, DataSource dataSource, Settings settings, boolean jobsEnabled) {
        this.importer = importer;
        this.runs = runs;
        this.settings = settings;
        this.jobsEnabled = jobsEnabled;
        // a private lock provider, as the backup schedule has: no global ShedLock configuration
        this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime().build()));
    }

    @Scheduled(cron = "${vigil.vulndb.osv.schedule:0 15 3 * * *}", zone = "UTC")
    void onSchedule() {
        if (jobsEnabled && !settings.mirror().isEmpty()) {
            // held at least a minute: a node whose clock is a little behind does not start it again
            download(Duration.ofMinutes(1));
        }
    }

    /** Downloads and imports every configured ecosystem now, under the lock; empty when another node holds it. */
    public List<Outcome> downloadNow() {
        return download(Duration.ZERO);
    }

    private List<Outcome> download(Duration lockAtLeastFor) {
        List<Outcome> outcomes = new ArrayList<>();
        if (settings.mirror().isEmpty()) {
            return outcomes;
        }
        locks.executeWithLock((Runnable) () -> {
            for (String ecosystem : settings.ecosystems()) {
                outcomes.add(download(ecosystem));
            }
        }, new LockConfiguration(Instant.now(), "vigil-vulndb-osv-mirror", Duration.ofHours(6), lockAtLeastFor));
        return outcomes;
    }

    private Outcome download(String ecosystem) {
        String url = settings.mirror().replaceAll("/+$", "") + "/" + encode(ecosystem) + "/all.zip";
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return failed(ecosystem, url, "not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && settings.allowHttp())) {
            return failed(ecosystem, url, "refused: the mirror must be an https:// URL"
                    + " (plain http only with vigil.vulndb.osv.allow-http=true)");
        }
        Path file = settings.downloads().resolve(ecosystem.replaceAll("[^A-Za-z0-9._-]", "_") + "-all.zip");
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.createDirectories(settings.downloads());
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30)).GET();
            lastDownload(url).ifPresent(at -> request.header("If-Modified-Since",
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC))));
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 304) {
                    return new Outcome(ecosystem, url, "not modified since the last download", null);
                }
                if (response.statusCode() != 200) {
                    return failed(ecosystem, url, "the mirror answered HTTP " + response.statusCode());
                }
                copyLimited(body, partial);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(partial);
            return failed(ecosystem, url, "download failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteQuietly(partial);
            return failed(ecosystem, url, "download interrupted");
        }
        ImportRun queued = importer.queuePaths(FeedSource.OSV, List.of(file), url, ACTOR);
        ImportRun done = importer.run(queued, n -> { }).orElse(queued);
        if (done.finished()) {
            deleteQuietly(file);
        }
        log.info("OSV {} from {}: {} read, {} added, {} updated, {} bad", ecosystem, url, done.read(), done.added(),
                done.updated(), done.failed());
        return new Outcome(ecosystem, url, done.state().name().toLowerCase(Locale.ROOT), done);
    }

    /** When the last complete import of this URL started, for If-Modified-Since. */
    private Optional<Instant> lastDownload(String url) {
        return runs.lastDone(url).map(ImportRun::startedAt);
    }

    private void copyLimited(InputStream in, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[65536];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > settings.maxBytes()) {
                    throw new IOException("larger than vigil.vulndb.osv.max-download-bytes (" + settings.maxBytes() + ")");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static String encode(String ecosystem) {
        return java.net.URLEncoder.encode(ecosystem, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Outcome failed(String ecosystem, String url, String why) {
        log.warn("OSV {} from {}: {}", ecosystem, url, why);
        return new Outcome(ecosystem, url, why, null);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
