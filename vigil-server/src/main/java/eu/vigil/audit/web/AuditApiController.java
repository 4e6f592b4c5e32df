package eu.vigil.audit.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import eu.vigil.audit.AuditFilter;
import eu.vigil.audit.AuditIntegrity;
import eu.vigil.audit.AuditLog;
import eu.vigil.audit.AuditOutcome;
import eu.vigil.audit.AuditRecord;
import eu.vigil.audit.ChainVerification;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The audit trail for auditors: search, export, verify. Read-only except for signing a checkpoint. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class AuditApiController {

    private final AuditLog log;
    private final AuditIntegrity integrity;

    AuditApiController(AuditLog log, AuditIntegrity integrity) {
        this.log = log;
        this.integrity = integrity;
    }

    record Page(long total, int offset, int limit, List<AuditRecord> entries) {
    }

    @GetMapping("/entries")
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    Page entries(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                 @RequestParam(required = false) String actor,
                 @RequestParam(required = false) String action,
                 @RequestParam(required = false) String objectType,
                 @RequestParam(required = false) String objectId,
                 @RequestParam(required = false) AuditOutcome outcome,
                 @RequestParam(required = false) String clientAddress,
                 @RequestParam(defaultValue = "0") int offset,
                 @RequestParam(defaultValue = "50") int limit) {
        AuditFilter filter = new AuditFilter(from, to, actor, action, objectType, objectId, outcome, clientAddress);
        int bounded = Math.max(1, Math.min(limit, 1000));
        return new Page(log.count(filter), Math.max(0, offset), bounded, log.search(filter, offset, bounded));
    }

    @GetMapping("/export")
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(defaultValue = "json") String format,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectId,
            @RequestParam(required = false) AuditOutcome outcome) {
        AuditLog.ExportFormat exportFormat = AuditLog.ExportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        AuditFilter filter = new AuditFilter(from, to, actor, action, objectType, objectId, outcome, null);
        MediaType type = exportFormat == AuditLog.ExportFormat.CSV
                ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                : MediaType.parseMediaType("application/x-ndjson");
        String file = "vigil-audit." + (exportFormat == AuditLog.ExportFormat.CSV ? "csv" : "jsonl");
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(out -> log.export(filter, exportFormat, out));
    }

    @GetMapping("/verification")
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    ChainVerification verification() {
        return integrity.verify();
    }

    @PostMapping("/checkpoints")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<AuditIntegrity.Checkpoint> checkpoint() {
        return integrity.checkpoint().map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }
}
