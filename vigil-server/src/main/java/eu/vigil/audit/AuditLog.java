package eu.vigil.audit;

import java.io.OutputStream;
import java.util.List;

/** Reads the trail for auditors: search, count, export. Never changes it. */
public interface AuditLog {

    enum ExportFormat {
        CSV, JSON
    }

    /** Entries that match, newest first. */
    List<AuditRecord> search(AuditFilter filter, int offset, int limit);

    long count(AuditFilter filter);

    /**
     * Writes every matching entry, oldest first, as CSV (RFC 4180, header row) or JSON Lines
     * (one object per line), streaming: any number of entries in constant memory.
     */
    void export(AuditFilter filter, ExportFormat format, OutputStream out);
}
