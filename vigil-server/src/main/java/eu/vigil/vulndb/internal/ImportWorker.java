package eu.vigil.vulndb.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs imports in the background, one at a time per node, and takes over runs a stopped node left
 * unfinished (every {@code vigil.vulndb.resume-interval}, default a minute, when background jobs
 * are on): each continues from its last committed batch.
 */
@Component
public class ImportWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    private final FeedImporter importer;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vulndb-import");
        t.setDaemon(true);
        return t;
    });
    private final boolean jobsEnabled;

    ImportWorker(FeedImporter importer, org.springframework.core.env.Environment environment) {
        this.importer = importer;
        this.jobsEnabled = environment.getProperty("vigil.jobs.enabled", Boolean.class, true);
    }

    /** Imports the run in the background; its progress shows in the run's counters. */
    public void submit(ImportRun run) {
        executor.execute(() -> importer.run(run, done -> { }));
    }

    @Scheduled(initialDelayString = "${vigil.vulndb.resume-interval:PT1M}", fixedDelayString = "${vigil.vulndb.resume-interval:PT1M}")
    void resumeOnSchedule() {
        if (jobsEnabled) {
            resumeAbandoned();
        }
    }

    /** Continues every abandoned run this node can take; returns the runs it finished. */
    public List<ImportRun> resumeAbandoned() {
        List<ImportRun> finished = new ArrayList<>();
        for (ImportRun run : importer.abandoned()) {
            log.info("Continuing import run {} ({}) from item {}", run.id(), run.origin(), run.cursor());
            importer.run(run, done -> { }).ifPresent(finished::add);
        }
        return finished;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
