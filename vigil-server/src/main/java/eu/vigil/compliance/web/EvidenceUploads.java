package eu.vigil.compliance.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import eu.vigil.compliance.ComplianceManagement;
import eu.vigil.compliance.Evidence;
import eu.vigil.compliance.InvalidInput;
import eu.vigil.compliance.NewEvidenceFile;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** Evidence files in and out, shared by the page and the API. */
final class EvidenceUploads {

    private EvidenceUploads() {
    }

    static Evidence attach(ComplianceManagement compliance, long id, String requirementId, MultipartFile file,
                           String title, String speaksFor, String validUntil, String recurrence, String actor)
            throws IOException {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
            // still judge the other fields, so that every problem is named at once
            return compliance.addEvidenceFile(id, requirementId,
                    new NewEvidenceFile(title, null, -1, null, speaksFor, validUntil, recurrence), actor);
        }
        try (InputStream content = file.getInputStream()) {
            return compliance.addEvidenceFile(id, requirementId, new NewEvidenceFile(title, file.getOriginalFilename(),
                    file.getSize(), content, speaksFor, validUntil, recurrence), actor);
        }
    }

    /**
     * The file as an attachment, always as {@code application/octet-stream}: uploaded content is never
     * rendered by the browser in Vigil's origin. The SHA-256 goes along in a header.
     */
    static ResponseEntity<Resource> download(ComplianceManagement.EvidenceFile file) {
        Evidence evidence = file.evidence();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(evidence.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(evidence.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", evidence.sha256())
                .body(new InputStreamResource(file.content()));
    }

    static InvalidInput neither() {
        return new InvalidInput(Map.of("file", "attach a file (multipart field 'file') or give a 'url' for a link"));
    }
}
