package eu.vigil.core.vex;

import java.time.Instant;
import java.util.List;

/**
 * A VEX document: who says it, when, and its statements.
 *
 * @param id        a URI identifying the document (OpenVEX {@code @id}, CycloneDX {@code serialNumber}), or null
 * @param author    who makes the statements, or null
 * @param timestamp when, or null
 */
public record VexDocument(String id, String author, Instant timestamp, List<VexStatement> statements) {

    public VexDocument {
        statements = List.copyOf(statements);
    }
}
