package eu.vigil.compliance;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.compliance.internal.TrainingRecords;
import eu.vigil.identity.Role;
import eu.vigil.identity.UserDirectory;
import eu.vigil.keys.BlobStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of the management body's cybersecurity training (NIS2 Art. 20(2): members of the
 * management bodies are required to follow training). Sessions with their date, title, provider,
 * length and an optional attendance certificate (stored encrypted), attended by MANAGEMENT users;
 * for each member, the last session and whether it lies within the required period
 * ({@code vigil.compliance.management-training-months}, 12 by default). Shown beside management
 * approval; every record is audited.
 */
@Service
public class ManagementTraining {

    private static final int MAX_MINUTES = 60 * 24 * 10;

    private final TrainingRecords records;
    private final UserDirectory directory;
    private final BlobStore blobs;
    private final AuditTrail audit;
    private final Clock clock;
    private final int periodMonths;
    private final long maxCertificateBytes;

    ManagementTraining(TrainingRecords records, UserDirectory directory, BlobStore blobs, AuditTrail audit, Clock clock,
                       @Value("${vigil.compliance.management-training-months:12}") int periodMonths,
                       @Value("${vigil.compliance.evidence-max-bytes:26214400}") long maxCertificateBytes) {
        if (periodMonths < 1) {
            throw new IllegalArgumentException("vigil.compliance.management-training-months must be at least 1, not "
                    + periodMonths);
        }
        this.records = records;
        this.directory = directory;
        this.blobs = blobs;
        this.audit = audit;
        this.clock = clock;
        this.periodMonths = periodMonths;
        this.maxCertificateBytes = maxCertificateBytes;
    }

    /** How many months a training counts for. */
    public int periodMonths() {
        return periodMonths;
    }

    /** The members of the management body: every user holding MANAGEMENT. */
    public List<UserDirectory.Member> managementMembers() {
        return directory.withRole(Role.MANAGEMENT);
    }

    @Transactional
    public TrainingSession record(NewTrainingSession command, String actor) {
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate heldOn = ComplianceManagement.date(command.heldOn(), "heldOn", problems);
        if (heldOn == null && !problems.containsKey("heldOn")) {
            problems.put("heldOn", "give the date the session was held");
        } else if (heldOn != null && heldOn.isAfter(LocalDate.now(clock))) {
            problems.put("heldOn", "lies in the future; record a session once it was held");
        }
        String title = ComplianceManagement.text(command.title(), "title", true, 200, problems);
        String provider = ComplianceManagement.text(command.provider(), "provider", true, 200, problems);
        int minutes = 0;
        if (command.durationMinutes() == null || command.durationMinutes().isBlank()) {
            problems.put("durationMinutes", "is required");
        } else {
            try {
                minutes = Integer.parseInt(command.durationMinutes().strip());
                if (minutes < 1 || minutes > MAX_MINUTES) {
                    problems.put("durationMinutes", "must be between 1 and " + MAX_MINUTES + " minutes");
                }
            } catch (NumberFormatException e) {
                problems.put("durationMinutes", "must be a whole number of minutes, not '" + command.durationMinutes().strip() + "'");
            }
        }
        Set<String> attendees = new LinkedHashSet<>();
        if (command.attendees() != null) {
            command.attendees().stream().filter(a -> a != null && !a.isBlank()).map(String::strip).forEach(attendees::add);
        }
        Set<String> management = new LinkedHashSet<>();
        managementMembers().forEach(m -> management.add(m.username()));
        if (attendees.isEmpty()) {
            problems.put("attendees", "choose at least one member of the management body who attended");
        } else {
            List<String> unknown = attendees.stream().filter(a -> !management.contains(a)).toList();
            if (!unknown.isEmpty()) {
                problems.put("attendees", "not members of the management body (role MANAGEMENT): " + unknown);
            }
        }
        String certificateName = null;
        boolean withCertificate = command.certificate() != null && command.certificateName() != null
                && !command.certificateName().isBlank();
        if (withCertificate) {
            Map<String, String> fileProblems = new LinkedHashMap<>();
            certificateName = ComplianceManagement.fileName(command.certificateName(), fileProblems);
            fileProblems.forEach((k, v) -> problems.put("certificate", v));
            if (command.certificateSize() == 0) {
                problems.put("certificate", "is empty");
            } else if (command.certificateSize() > maxCertificateBytes) {
                problems.put("certificate", "has " + command.certificateSize() + " bytes; at most " + maxCertificateBytes
                        + " bytes are accepted");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        BlobStore.StoredBlob certificate = null;
        if (withCertificate) {
            ComplianceManagement.LimitedStream limited = new ComplianceManagement.LimitedStream(command.certificate(),
                    maxCertificateBytes);
            try {
                certificate = blobs.put("compliance.training-certificate", limited);
            } catch (RuntimeException e) {
                if (limited.exceeded) {
                    throw new InvalidInput(Map.of("certificate", "has more than " + maxCertificateBytes
                            + " bytes; at most " + maxCertificateBytes + " bytes are accepted"));
                }
                throw e;
            }
        }
        Instant now = clock.instant();
        List<String> attended = List.copyOf(attendees);
        long id = records.insert(heldOn, title, provider, minutes, certificate, certificateName, attended, actor, now);
        audit.record(AuditEvent.of("compliance.training.record").object("training-session", id)
                .detail("heldOn", heldOn).detail("title", title).detail("provider", provider)
                .detail("minutes", minutes).detail("attendees", String.join(",", attended))
                .detail("certificateSha256", certificate == null ? "none" : certificate.sha256()));
        return new TrainingSession(id, heldOn, title, provider, minutes, certificateName,
                certificate == null ? null : certificate.size(), certificate == null ? null : certificate.sha256(),
                attended, actor, now);
    }

    /** Every session, newest first. */
    @Transactional(readOnly = true)
    public List<TrainingSession> sessions() {
        return records.all();
    }

    /** For each member of the management body, the last training attended and whether it is current today. */
    @Transactional(readOnly = true)
    public List<ManagementMemberTraining> status() {
        LocalDate today = LocalDate.now(clock);
        List<TrainingSession> sessions = records.all();
        List<ManagementMemberTraining> status = new ArrayList<>();
        for (UserDirectory.Member member : managementMembers()) {
            TrainingSession last = sessions.stream().filter(s -> s.attendees().contains(member.username()))
                    .findFirst().orElse(null);
            LocalDate dueBy = last == null ? null : last.heldOn().plusMonths(periodMonths);
            status.add(new ManagementMemberTraining(member.username(), member.displayName(), member.enabled(), last,
                    dueBy != null && dueBy.isAfter(today), dueBy));
        }
        return status;
    }

    /** A session's certificate and its record; the download is audited. */
    public record Certificate(TrainingSession session, InputStream content) {
    }

    @Transactional
    public Certificate certificate(long sessionId) {
        TrainingSession session = records.all().stream().filter(s -> s.id() == sessionId).findFirst()
                .orElseThrow(() -> new AssessmentNotFound("There is no training session " + sessionId + "."));
        String blob = records.certificateBlob(sessionId)
                .orElseThrow(() -> new AssessmentNotFound("Training session " + sessionId + " has no certificate."));
        InputStream content = blobs.open(blob);
        audit.record(AuditEvent.of("compliance.training.certificate.download").object("training-session", sessionId)
                .detail("sha256", session.certificateSha256()));
        return new Certificate(session, content);
    }
}
