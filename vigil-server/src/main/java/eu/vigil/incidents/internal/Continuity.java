package eu.vigil.incidents.internal;

import static eu.vigil.incidents.internal.Incidents.at;
import static eu.vigil.incidents.internal.Incidents.instant;
import static eu.vigil.incidents.internal.Incidents.longOrNull;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.keys.BlobStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Continuity plans and drills: recorded, listed, audited. */
@Service
@Transactional
public class Continuity {

    static final String DOCUMENT_PURPOSE = "incidents.continuity-document";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final BlobStore blobs;
    private final IncidentSettings settings;
    private final Clock clock;

    Continuity(JdbcClient jdbc, AuditTrail audit, BlobStore blobs, IncidentSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.blobs = blobs;
        this.settings = settings;
        this.clock = clock;
    }

    /** A document's content, to be closed by the reader; every chunk is authenticated as it is read. */
    public record DocumentContent(ContinuityDocument document, InputStream content) {
    }

    /**
     * Attaches a document to a plan, stored encrypted through the blob store. At most
     * {@code vigil.incidents.max-document-size} (20 MB by default); a larger one is refused and nothing is kept.
     */
    public ContinuityDocument attach(long planId, String fileName, InputStream content, String user) {
        plan(planId);
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            throw new InvalidIncidentInput("file", "Choose a file to attach.");
        }
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        long limit = settings.maxDocumentSize().toBytes();
        BlobStore.StoredBlob blob;
        try {
            blob = blobs.put(DOCUMENT_PURPOSE, new LimitedStream(content, limit));
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof TooLarge) {
                throw new InvalidIncidentInput("file", "At most " + settings.maxDocumentSize().toMegabytes() + " MB.");
            }
            throw e;
        }
        if (blob.size() == 0) {
            blobs.delete(blob.id());
            throw new InvalidIncidentInput("file", "The file is empty.");
        }
        Instant now = clock.instant();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO continuity_document (plan_id, blob_id, file_name, size_bytes, sha256, uploaded_at, uploaded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .param(planId).param(blob.id()).param(name).param(blob.size()).param(blob.sha256()).param(at(now)).param(user)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(AuditEvent.of("incidents.continuity.document").object("continuity-document", id)
                .detail("plan", planId).detail("file", name).detail("bytes", blob.size()).detail("sha256", blob.sha256()));
        return documents(planId).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<ContinuityDocument> documents(long planId) {
        return jdbc.sql("SELECT * FROM continuity_document WHERE plan_id = ? ORDER BY uploaded_at, id").param(planId)
                .query(Continuity::document).list();
    }

    /** Every plan's documents, by plan id. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, List<ContinuityDocument>> documents() {
        java.util.Map<Long, List<ContinuityDocument>> byPlan = new java.util.HashMap<>();
        jdbc.sql("SELECT * FROM continuity_document ORDER BY uploaded_at, id").query(Continuity::document).list()
                .forEach(d -> byPlan.computeIfAbsent(d.planId(), k -> new java.util.ArrayList<>()).add(d));
        return byPlan;
    }

    @Transactional(readOnly = true)
    public DocumentContent open(long planId, long documentId) {
        record Row(ContinuityDocument document, String blobId) {
        }
        Row row = jdbc.sql("SELECT * FROM continuity_document WHERE id = ? AND plan_id = ?").param(documentId).param(planId)
                .query((rs, n) -> new Row(document(rs, n), rs.getString("blob_id"))).optional()
                .orElseThrow(() -> new UnknownIncident("document of continuity plan " + planId, documentId));
        return new DocumentContent(row.document(), blobs.open(row.blobId()));
    }

    private static ContinuityDocument document(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ContinuityDocument(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("file_name"),
                rs.getLong("size_bytes"), rs.getString("sha256"), instant(rs, "uploaded_at"), rs.getString("uploaded_by"));
    }

    private static final class TooLarge extends IOException {
    }

    /** Stops reading past the limit, so an oversized upload is never stored whole. */
    private static final class LimitedStream extends FilterInputStream {
        private final long limit;
        private long count;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > limit) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (count += n) > limit) {
                throw new TooLarge();
            }
            return n;
        }
    }

    public long addPlan(String title, String kind, String owner, String summary, String documentLinks,
                        LocalDate approvedOn, LocalDate nextReviewOn, String user) {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new InvalidIncidentInput("title", "Give a title of at most 200 characters.");
        }
        ContinuityPlan.Kind k;
        try {
            k = ContinuityPlan.Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidIncidentInput("kind", "One of " + Arrays.toString(ContinuityPlan.Kind.values()) + ".");
        }
        List<String> links = links(documentLinks);
        for (String link : links) {
            if (!link.startsWith("https://") && !link.startsWith("http://") && !link.startsWith("/")) {
                throw new InvalidIncidentInput("documentLinks", "Each link is an http(s) address or a path in Vigil: " + link);
            }
        }
        Instant now = clock.instant();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO continuity_plan (title, kind, owner_name, summary, document_links, approved_on, next_review_on,
                    created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(title.strip()).param(k.name()).param(blankToNull(owner, 200, "owner"))
                .param(blankToNull(summary, 4000, "summary")).param(String.join("\n", links))
                .param(approvedOn == null ? null : Date.valueOf(approvedOn))
                .param(nextReviewOn == null ? null : Date.valueOf(nextReviewOn)).param(at(now)).param(user)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(AuditEvent.of("incidents.continuity.plan").object("continuity-plan", id).detail("title", title.strip()));
        return id;
    }

    public long addDrill(Long planId, LocalDate heldOn, String scenario, String participants, String lessons,
                         String followUps, String user) {
        if (planId != null) {
            plan(planId);
        }
        if (heldOn == null) {
            throw new InvalidIncidentInput("heldOn", "Give the date of the drill.");
        }
        if (scenario == null || scenario.isBlank()) {
            throw new InvalidIncidentInput("scenario", "Describe the scenario exercised.");
        }
        Instant now = clock.instant();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO continuity_drill (plan_id, held_on, scenario, participants, lessons, follow_ups, created_at,
                    created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(planId).param(Date.valueOf(heldOn)).param(blankToNull(scenario, 2000, "scenario"))
                .param(blankToNull(participants, 2000, "participants")).param(blankToNull(lessons, 4000, "lessons"))
                .param(blankToNull(followUps, 4000, "followUps")).param(at(now)).param(user)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(AuditEvent.of("incidents.continuity.drill").object("continuity-drill", id).detail("plan", planId));
        return id;
    }

    @Transactional(readOnly = true)
    public List<ContinuityPlan> plans() {
        return jdbc.sql("SELECT * FROM continuity_plan ORDER BY title, id").query((rs, n) -> new ContinuityPlan(
                rs.getLong("id"), rs.getString("title"), ContinuityPlan.Kind.valueOf(rs.getString("kind")),
                rs.getString("owner_name"), rs.getString("summary"), links(rs.getString("document_links")),
                date(rs.getDate("approved_on")), date(rs.getDate("next_review_on")), instant(rs, "created_at"),
                rs.getString("created_by"))).list();
    }

    @Transactional(readOnly = true)
    public ContinuityPlan plan(long id) {
        return plans().stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> new UnknownIncident("continuity plan", id));
    }

    @Transactional(readOnly = true)
    public List<ContinuityDrill> drills() {
        return jdbc.sql("SELECT * FROM continuity_drill ORDER BY held_on DESC, id DESC").query((rs, n) -> new ContinuityDrill(
                rs.getLong("id"), longOrNull(rs, "plan_id"), date(rs.getDate("held_on")), rs.getString("scenario"),
                rs.getString("participants"), rs.getString("lessons"), rs.getString("follow_ups"),
                instant(rs, "created_at"), rs.getString("created_by"))).list();
    }

    private static List<String> links(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidIncidentInput(field, "At most " + max + " characters.");
        }
        return value.strip();
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
