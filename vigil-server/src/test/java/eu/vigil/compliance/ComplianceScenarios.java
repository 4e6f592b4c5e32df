package eu.vigil.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigil.identity.CurrentUser;
import eu.vigil.identity.Role;
import eu.vigil.identity.internal.ApiTokens;
import eu.vigil.identity.internal.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The compliance module end to end: assess, rate, act, evidence, approve, export, compare, API. */
@SpringBootTest(properties = "vigil.compliance.evidence-max-bytes=65536")
@AutoConfigureMockMvc
abstract class ComplianceScenarios {

    static final String APPROVE = "nis2.art20.approve";
    static final ObjectMapper JSON = new ObjectMapper();

    /** Entries reach audit_entry through the chainer; chain what is pending before counting. */
    @Autowired eu.vigil.audit.AuditIntegrity auditIntegrity;
    @Autowired MockMvc mvc;
    @Autowired UserAccounts users;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;
    @Autowired ComplianceManagement compliance;
    @Autowired eu.vigil.scope.EntityScope scope;
    @Autowired eu.vigil.keys.BlobStore blobs;
    @Autowired eu.vigil.keys.SigningKeys signingKeys;
    @Autowired ManagementTraining training;
    @org.springframework.beans.factory.annotation.Value("${vigil.data}") java.nio.file.Path dataFolder;

    CurrentUser officer;
    CurrentUser board;
    CurrentUser auditor;

    @BeforeEach
    void people() {
        officer = user(Role.COMPLIANCE);
        board = user(Role.MANAGEMENT);
        auditor = user(Role.AUDITOR);
    }

    CurrentUser user(Role role) {
        String name = role.name().toLowerCase() + System.nanoTime();
        long id = users.insert(name, name, null, "{noop}unused", EnumSet.of(role), null, false, null, Instant.now());
        return new CurrentUser(id, name, name, EnumSet.of(role), null);
    }

    String token(CurrentUser user) {
        return tokens.create(user.id(), "test", user.roles(), Instant.now().plus(Duration.ofHours(1)));
    }

    static RequestPostProcessor as(CurrentUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }

    MvcResult perform(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    long startNis2Assessment(String title) throws Exception {
        MvcResult created = perform(post("/compliance/assessments").with(as(officer)).with(csrf())
                .param("title", title).param("scopeKind", "ENTITY").param("catalogues", "nis2")
                .param("targetMaturity", "2"));
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).as(created.getResponse().getContentAsString()).startsWith("/compliance/assessments/");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    MvcResult rate(long id, String requirement, String maturity, String... more) throws Exception {
        MockHttpServletRequestBuilder request = post("/compliance/assessments/" + id + "/requirements/" + requirement)
                .with(as(officer)).with(csrf()).param("applicable", "true").param("status", "PARTIAL")
                .param("maturity", maturity).param("owner", "CISO").param("dueDate", "2020-01-31");
        for (int i = 0; i + 1 < more.length; i += 2) {
            request.param(more[i], more[i + 1]);
        }
        return perform(request);
    }

    @Test
    void startingAnAssessmentRefusesBadInputFieldByField() throws Exception {
        MvcResult refused = perform(post("/compliance/assessments").with(as(officer)).with(csrf())
                .param("title", "").param("scopeKind", "PRODUCT").param("catalogues", "nope"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString())
                .contains("is required", "unknown catalogue &#39;nope&#39;");
    }

    @Test
    void ratingBelowTargetOpensAnOverdueActionAndRaisingItClosesIt() throws Exception {
        long id = startNis2Assessment("NIS2 baseline");
        MvcResult bad = perform(post("/compliance/assessments/" + id + "/requirements/" + APPROVE).with(as(officer))
                .with(csrf()).param("applicable", "false").param("justification", "").param("maturity", "7"));
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString()).contains("must be a maturity level", "is required");

        assertThat(rate(id, APPROVE, "1").getResponse().getStatus()).isEqualTo(302);
        List<PlannedAction> actions = compliance.actions(id);
        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.priority()).isEqualTo("MEDIUM");
            assertThat(a.owner()).isEqualTo("CISO");
            assertThat(a.overdueOn(LocalDate.now())).isTrue();
        });
        String plan = perform(get("/compliance/actions").with(as(auditor))).getResponse().getContentAsString();
        assertThat(plan).contains(APPROVE, "overdue");

        rate(id, APPROVE, "2");
        assertThat(compliance.actions(id)).singleElement().extracting(PlannedAction::status).isEqualTo("DONE");
        assertThat(compliance.assessment(id).version()).isEqualTo(3);
        auditIntegrity.chainPending();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'compliance.rate' AND object_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void overviewShowsRadarHeatMapAndRollups() throws Exception {
        long id = startNis2Assessment("Roll-up");
        rate(id, APPROVE, "3");
        String html = perform(get("/compliance/assessments/" + id).with(as(auditor))).getResponse().getContentAsString();
        assertThat(html).contains("id=\"radar\"", "data-labels=", "Leadership awareness", "class=\"heat ", "NIS2 Art. 20");
        Rollup rollup = compliance.rollup(id);
        Score art20 = rollup.sections().get(0);
        assertThat(art20.rated()).isEqualTo(1);
        assertThat(art20.score()).isGreaterThan(0.0);
    }

    @Test
    void recurringEvidenceOpensTheNextRequestAndLapsedEvidenceLowersTheStatus() throws Exception {
        long id = startNis2Assessment("Evidence");
        rate(id, APPROVE, "3");
        MvcResult refused = perform(post("/compliance/assessments/" + id + "/requirements/" + APPROVE + "/evidence")
                .with(as(officer)).with(csrf()).param("title", "Minutes").param("url", "javascript:alert(1)")
                .param("speaksFor", "yesterday"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("http or https", "YYYY-MM-DD");

        // a quarterly board review held long ago: its next instance is overdue
        perform(post("/compliance/assessments/" + id + "/requirements/" + APPROVE + "/evidence").with(as(officer))
                .with(csrf()).param("title", "Board minutes Q1").param("url", "https://wiki.example.com/board/q1")
                .param("speaksFor", "2020-03-31").param("recurrence", "QUARTERLY"));
        assertThat(compliance.evidenceStates(id)).containsEntry(APPROVE, EvidenceState.OVERDUE);
        assertThat(compliance.openRequests(id)).singleElement()
                .satisfies(r -> assertThat(r.dueDate()).isEqualTo(LocalDate.of(2020, 6, 30)));
        assertThat(compliance.actions(id)).as("lapsed evidence caps maturity 3 at 1: a gap")
                .anySatisfy(a -> assertThat(a.status()).isEqualTo("OPEN"));
        String todo = perform(get("/compliance/evidence").with(as(auditor))).getResponse().getContentAsString();
        assertThat(todo).contains(APPROVE, "overdue");

        // current evidence fulfils the request and opens the next one
        String today = LocalDate.now().toString();
        perform(post("/compliance/assessments/" + id + "/requirements/" + APPROVE + "/evidence").with(as(officer))
                .with(csrf()).param("title", "Board minutes now").param("url", "https://wiki.example.com/board/now")
                .param("speaksFor", today).param("recurrence", "QUARTERLY"));
        assertThat(compliance.evidenceStates(id)).containsEntry(APPROVE, EvidenceState.CURRENT);
        assertThat(compliance.actions(id)).allSatisfy(a -> assertThat(a.status()).isEqualTo("DONE"));
    }

    @Test
    void fileEvidenceIsStoredEncryptedWithItsDigestAndDownloadsForReaders() throws Exception {
        long id = startNis2Assessment("File evidence");
        rate(id, APPROVE, "3");
        byte[] minutes = "Board meeting 2026-03-31: the risk-management measures were approved.\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(minutes));
        String base = "/compliance/assessments/" + id + "/requirements/" + APPROVE + "/evidence-file";

        MvcResult refused = perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(base)
                .file(new org.springframework.mock.web.MockMultipartFile("file", "huge.bin", "application/octet-stream",
                        new byte[65537]))
                .param("speaksFor", "31.03.2026").with(as(officer)).with(csrf()));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("at most 65536 bytes", "YYYY-MM-DD");
        assertThat(compliance.evidence(id)).as("nothing stored for refused input").isEmpty();

        MvcResult attached = perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(base)
                .file(new org.springframework.mock.web.MockMultipartFile("file", "board-minutes.txt", "text/plain", minutes))
                .param("speaksFor", "2020-03-31").param("recurrence", "QUARTERLY").with(as(officer)).with(csrf()));
        assertThat(attached.getResponse().getStatus()).as(attached.getResponse().getContentAsString()).isEqualTo(302);
        Evidence file = compliance.evidence(id).getFirst();
        assertThat(file.isFile()).isTrue();
        assertThat(file.fileName()).isEqualTo("board-minutes.txt");
        assertThat(file.title()).isEqualTo("board-minutes.txt");
        assertThat(file.size()).isEqualTo(minutes.length);
        assertThat(file.sha256()).isEqualTo(sha256);
        assertThat(file.speaksFor()).isEqualTo(LocalDate.of(2020, 3, 31));
        // the same recurrence rules as links: the next quarterly instance is overdue
        assertThat(compliance.evidenceStates(id)).containsEntry(APPROVE, EvidenceState.OVERDUE);
        assertThat(compliance.openRequests(id)).singleElement()
                .satisfies(r -> assertThat(r.dueDate()).isEqualTo(LocalDate.of(2020, 6, 30)));

        String blobId = jdbc.sql("SELECT blob_id FROM compliance_evidence WHERE id = ?").param(file.id())
                .query(String.class).single();
        assertThat(blobs.find(blobId)).hasValueSatisfying(b -> assertThat(b.sha256()).isEqualTo(sha256));
        try (var files = java.nio.file.Files.walk(dataFolder.resolve("blobs"))) {
            List<java.nio.file.Path> stored = files.filter(p -> p.getFileName().toString().startsWith(blobId)).toList();
            assertThat(stored).isNotEmpty().allSatisfy(p -> assertThat(new String(java.nio.file.Files.readAllBytes(p),
                    java.nio.charset.StandardCharsets.ISO_8859_1)).as("encrypted at rest").doesNotContain("Board meeting"));
        }

        String page = perform(get("/compliance/assessments/" + id + "/requirements/" + APPROVE).with(as(auditor)))
                .getResponse().getContentAsString();
        assertThat(page).contains("board-minutes.txt", "SHA-256 " + sha256);
        MvcResult download = perform(get("/compliance/assessments/" + id + "/evidence/" + file.id() + "/file").with(as(auditor)));
        assertThat(download.getResponse().getStatus()).isEqualTo(200);
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(minutes);
        assertThat(download.getResponse().getContentType()).isEqualTo("application/octet-stream");
        assertThat(download.getResponse().getHeader("Content-Disposition")).contains("attachment", "board-minutes.txt");
        assertThat(perform(get("/compliance/assessments/" + id + "/evidence/" + file.id() + "/file").with(as(user(Role.SUPPLIER))))
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(perform(get("/compliance/assessments/" + id + "/evidence/999999/file").with(as(auditor)))
                .getResponse().getStatus()).isEqualTo(404);
        auditIntegrity.chainPending();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'compliance.evidence.add' AND object_id = ?"
                + " AND details LIKE ?").param(Long.toString(id)).param("%" + sha256 + "%").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void apiAttachesAFileThatSatisfiesTheEquivalentRequirementOfAnotherCatalogue() throws Exception {
        String officerToken = token(officer);
        MvcResult created = perform(post("/api/v1/compliance/assessments").header("Authorization", "Bearer " + officerToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Camera Y\",\"scopeKind\":\"PRODUCT\",\"productName\":\"Camera Y\",\"catalogues\":[\"cra\",\"etsi303645\"]}"));
        long id = JSON.readTree(created.getResponse().getContentAsString()).get("assessment").get("id").asLong();
        String equivalent = compliance.catalogues().equivalentsOf("cra.ai.2b").getFirst().id();
        assertThat(compliance.evidenceStates(id)).doesNotContainKey(equivalent);

        byte[] report = "password policy test report".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String url = "/api/v1/compliance/assessments/" + id + "/results/cra.ai.2b/evidence";
        MvcResult missing = perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(url)
                .param("speaksFor", LocalDate.now().toString()).header("Authorization", "Bearer " + officerToken));
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        assertThat(missing.getResponse().getContentType()).startsWith("application/problem+json");

        MvcResult attached = perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(url)
                .file(new org.springframework.mock.web.MockMultipartFile("file", "pentest.txt", "text/plain", report))
                .param("title", "Password test").param("speaksFor", LocalDate.now().toString())
                .param("validUntil", LocalDate.now().plusYears(1).toString())
                .header("Authorization", "Bearer " + officerToken));
        assertThat(attached.getResponse().getStatus()).as(attached.getResponse().getContentAsString()).isEqualTo(201);
        JsonNode saved = JSON.readTree(attached.getResponse().getContentAsString());
        assertThat(saved.get("kind").asText()).isEqualTo("FILE");
        assertThat(saved.get("sha256").asText()).hasSize(64);
        assertThat(compliance.evidenceStates(id)).containsEntry("cra.ai.2b", EvidenceState.CURRENT)
                .as("the same evidence serves the mapped requirement").containsEntry(equivalent, EvidenceState.CURRENT);

        JsonNode list = JSON.readTree(perform(get("/api/v1/compliance/assessments/" + id + "/evidence")
                .header("Authorization", "Bearer " + token(auditor))).getResponse().getContentAsString());
        assertThat(list).singleElement().satisfies(e -> assertThat(e.get("fileName").asText()).isEqualTo("pentest.txt"));
        MvcResult download = perform(get(attached.getResponse().getHeader("Location"))
                .header("Authorization", "Bearer " + token(auditor)));
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(report);
        assertThat(download.getResponse().getHeader("X-Content-SHA256")).isEqualTo(saved.get("sha256").asText());
    }

    @Test
    void managementApprovesAVersionWithTheDigestOfItsContent() throws Exception {
        long id = startNis2Assessment("Approval");
        rate(id, APPROVE, "2");
        MvcResult denied = perform(post("/compliance/assessments/" + id + "/approvals").with(as(officer)).with(csrf()));
        assertThat(denied.getResponse().getStatus()).isEqualTo(403);
        perform(post("/compliance/assessments/" + id + "/approvals").with(as(board)).with(csrf())
                .param("comment", "Approved in the board meeting"));
        Assessment assessment = compliance.assessment(id);
        assertThat(compliance.approvals(id)).singleElement().satisfies(a -> {
            assertThat(a.approvedBy()).isEqualTo(board.username());
            assertThat(a.assessmentVersion()).isEqualTo(assessment.version());
            assertThat(a.digest()).isEqualTo(eu.vigil.compliance.internal.ApprovedContent.sha256(
                    compliance.approvedContent(assessment)));
            assertThat(a.signature()).isNotBlank();
            assertThat(a.signatureKeyId()).isNotBlank();
            assertThat(a.signatureStatus()).isEqualTo(Approval.VALID);
            assertThat(signingKeys.verify(a.signatureKeyId(), eu.vigil.compliance.internal.ApprovalSignatures.canonical(a),
                    java.util.Base64.getDecoder().decode(a.signature()))).isTrue();
            assertThat(new String(eu.vigil.compliance.internal.ApprovalSignatures.canonical(a),
                    java.nio.charset.StandardCharsets.UTF_8)).contains("assessment\t" + id, "version\t" + assessment.version(),
                    "sha256\t" + a.digest(), "approvedBy\t" + board.username(), "approvedAt\t" + a.approvedAt());
        });
        assertThat(perform(get("/compliance/assessments/" + id).with(as(auditor))).getResponse().getContentAsString())
                .contains("signature valid");
        auditIntegrity.chainPending();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'compliance.approve' AND actor = ?")
                .param(board.username()).query(Long.class).single()).isEqualTo(1);
        rate(id, APPROVE, "3");
        String html = perform(get("/compliance/assessments/" + id).with(as(board))).getResponse().getContentAsString();
        assertThat(html).contains("changed since");
    }

    @Test
    void aTamperedApprovalIsReportedInvalidOnThePageAndInTheExports() throws Exception {
        long id = startNis2Assessment("Tamper");
        rate(id, APPROVE, "2");
        Approval approval = compliance.approve(id, "Approved", board.username());
        assertThat(compliance.approvals(id)).singleElement().extracting(Approval::signatureStatus).isEqualTo(Approval.VALID);
        assertThat(oscalSignature(id)).isEqualTo("valid");

        // someone with database access claims the board approved a later version
        jdbc.sql("UPDATE compliance_approval SET assessment_version = assessment_version + 1 WHERE id = ?")
                .param(approval.id()).update();
        assertThat(compliance.approvals(id)).singleElement().extracting(Approval::signatureStatus)
                .isEqualTo(Approval.INVALID);
        assertThat(perform(get("/compliance/assessments/" + id).with(as(auditor))).getResponse().getContentAsString())
                .contains("signature INVALID").doesNotContain("signature valid");
        assertThat(oscalSignature(id)).isEqualTo("INVALID");
        JsonNode api = JSON.readTree(perform(get("/api/v1/compliance/assessments/" + id + "/approvals")
                .header("Authorization", "Bearer " + token(auditor))).getResponse().getContentAsString());
        assertThat(api.get(0).get("signatureStatus").asText()).isEqualTo("INVALID");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(perform(get("/compliance/assessments/" + id + "/report.pdf")
                .with(as(auditor))).getResponse().getContentAsByteArray())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("INVALID");
        }

        // a forged comment is caught the same way
        jdbc.sql("UPDATE compliance_approval SET assessment_version = assessment_version - 1, comment = ? WHERE id = ?")
                .param("Approved, including the open risks").param(approval.id()).update();
        assertThat(compliance.approvals(id)).singleElement().extracting(Approval::signatureStatus)
                .isEqualTo(Approval.INVALID);
        jdbc.sql("UPDATE compliance_approval SET comment = ? WHERE id = ?").param("Approved").param(approval.id()).update();
        assertThat(compliance.approvals(id)).singleElement().extracting(Approval::signatureStatus)
                .isEqualTo(Approval.VALID);
    }

    @Test
    void managementTrainingIsRecordedAndShownBesideTheApproval() throws Exception {
        CurrentUser trained = board;
        CurrentUser lapsed = user(Role.MANAGEMENT);
        byte[] certificate = "Certificate of attendance".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        LocalDate recent = LocalDate.now().minusMonths(2);

        MvcResult refused = perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/compliance/training")
                .param("heldOn", LocalDate.now().plusDays(3).toString()).param("title", "").param("provider", "ENISA")
                .param("durationMinutes", "ninety").param("attendees", auditor.username())
                .with(as(officer)).with(csrf()));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("lies in the future", "is required",
                "whole number of minutes", "not members of the management body");
        assertThat(training.sessions()).noneMatch(x -> x.attendees().contains(auditor.username()));

        MvcResult recorded = perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/compliance/training")
                .file(new org.springframework.mock.web.MockMultipartFile("certificate", "certificate.pdf", "application/pdf", certificate))
                .param("heldOn", recent.toString()).param("title", "NIS2 duties of the board").param("provider", "CyberAcademy")
                .param("durationMinutes", "240").param("attendees", trained.username()).with(as(trained)).with(csrf()));
        assertThat(recorded.getResponse().getStatus()).as(recorded.getResponse().getContentAsString()).isEqualTo(302);

        MvcResult viaApi = perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/compliance/training/sessions")
                .param("heldOn", LocalDate.now().minusYears(2).toString()).param("title", "Security awareness")
                .param("provider", "In-house").param("durationMinutes", "60").param("attendees", lapsed.username())
                .header("Authorization", "Bearer " + token(officer)));
        assertThat(viaApi.getResponse().getStatus()).as(viaApi.getResponse().getContentAsString()).isEqualTo(201);
        MvcResult badApi = perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/compliance/training/sessions")
                .param("heldOn", "yesterday").header("Authorization", "Bearer " + token(officer)));
        assertThat(badApi.getResponse().getStatus()).isEqualTo(400);
        assertThat(badApi.getResponse().getContentType()).startsWith("application/problem+json");

        assertThat(training.status()).filteredOn(m -> m.username().equals(trained.username())).singleElement()
                .satisfies(m -> {
                    assertThat(m.current()).isTrue();
                    assertThat(m.lastSession().title()).isEqualTo("NIS2 duties of the board");
                    assertThat(m.dueBy()).isEqualTo(recent.plusMonths(12));
                });
        assertThat(training.status()).filteredOn(m -> m.username().equals(lapsed.username())).singleElement()
                .satisfies(m -> assertThat(m.current()).isFalse());
        CurrentUser untrained = user(Role.MANAGEMENT);
        assertThat(training.status()).filteredOn(m -> m.username().equals(untrained.username())).singleElement()
                .satisfies(m -> assertThat(m.lastSession()).isNull());

        long id = startNis2Assessment("Approval with training");
        String page = perform(get("/compliance/assessments/" + id).with(as(trained))).getResponse().getContentAsString();
        assertThat(page).contains("id=\"management-training\"", trained.username(), "current, next due " + recent.plusMonths(12),
                lapsed.username(), "overdue since", untrained.username(), "no training");

        TrainingSession session = training.sessions().stream().filter(x -> x.attendees().contains(trained.username()))
                .findFirst().orElseThrow();
        assertThat(session.certificateSha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(certificate)));
        MvcResult download = perform(get("/compliance/training/" + session.id() + "/certificate").with(as(auditor)));
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(certificate);
        JsonNode status = JSON.readTree(perform(get("/api/v1/compliance/training/status")
                .header("Authorization", "Bearer " + token(auditor))).getResponse().getContentAsString());
        assertThat(status.toString()).contains(trained.username());
        auditIntegrity.chainPending();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'compliance.training.record' AND object_id = ?")
                .param(Long.toString(session.id())).query(Long.class).single()).isEqualTo(1);
    }

    String oscalSignature(long id) throws Exception {
        JsonNode props = JSON.readTree(perform(get("/compliance/assessments/" + id + "/export.oscal.json").with(as(auditor)))
                .getResponse().getContentAsByteArray()).get("assessment-results").get("metadata").get("props");
        for (JsonNode prop : props) {
            if (prop.get("name").asText().equals("approval-signature")) {
                return prop.get("value").asText();
            }
        }
        return null;
    }

    @Test
    void exportsCsvOscalAndPdf() throws Exception {
        long id = startNis2Assessment("Exports");
        rate(id, APPROVE, "1", "notes", "=cmd|' /C calc'!A0");
        MvcResult csv = perform(get("/compliance/assessments/" + id + "/export.csv").with(as(auditor)));
        String text = csv.getResponse().getContentAsString();
        assertThat(text).startsWith("requirement_id,catalogue,reference");
        assertThat(text).contains(APPROVE + ",nis2,").contains("\"'=cmd|' /C calc'!A0\"");

        MvcResult oscal = perform(get("/compliance/assessments/" + id + "/export.oscal.json").with(as(auditor)));
        JsonNode ar = JSON.readTree(oscal.getResponse().getContentAsByteArray()).get("assessment-results");
        assertThat(ar.get("metadata").get("oscal-version").asText()).isEqualTo("1.1.2");
        JsonNode findings = ar.get("results").get(0).get("findings");
        assertThat(findings).hasSize(28);
        List<String> states = new ArrayList<>();
        findings.forEach(f -> {
            if (f.get("target").get("target-id").asText().equals(APPROVE)) {
                states.add(f.get("target").get("status").get("state").asText());
            }
        });
        assertThat(states).containsExactly("not-satisfied");

        MvcResult pdf = perform(get("/compliance/assessments/" + id + "/report.pdf").with(as(auditor)));
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void entityAssessmentsAreFlaggedWhenTheProfileChanges() throws Exception {
        byte[] profile = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("..", "docs", "examples", "scope-profile.json"));
        scope.save(profile, officer.username());
        long id = startNis2Assessment("Under profile");
        assertThat(compliance.assessment(id).classification()).isEqualTo("important");
        assertThat(compliance.assessment(id).profileOutdated()).isFalse();
        scope.save(profile, officer.username());
        long deadline = System.currentTimeMillis() + 15_000;
        while (!compliance.assessment(id).profileOutdated() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(compliance.assessment(id).profileOutdated()).as("flagged by the EntityProfileChanged listener").isTrue();
    }

    @Test
    void comparesTwoAssessments() throws Exception {
        long before = startNis2Assessment("2025");
        rate(before, APPROVE, "1");
        long after = startNis2Assessment("2026");
        rate(after, APPROVE, "3");
        String html = perform(get("/compliance/compare").param("a", Long.toString(before)).param("b", Long.toString(after))
                .with(as(auditor))).getResponse().getContentAsString();
        assertThat(html).contains("Progress", "delta up", APPROVE + ": Ad hoc → Measured and improved");
    }

    @Test
    void catalogueBrowserSearchesAndShowsMappings() throws Exception {
        String tree = perform(get("/compliance/catalogues").param("catalogue", "ir2690").with(as(auditor)))
                .getResponse().getContentAsString();
        assertThat(tree).contains("ir2690.1.1.1.a", "depth");
        String search = perform(get("/compliance/catalogues").param("q", "A.8.8").with(as(auditor)))
                .getResponse().getContentAsString();
        assertThat(search).contains("requirement(s) found");
        String detail = perform(get("/compliance/catalogues/requirements/cra.ai.2b").with(as(auditor)))
                .getResponse().getContentAsString();
        assertThat(detail).contains("etsi303645.5.1-1", "ISO/IEC 27001");
        assertThat(perform(get("/compliance/catalogues/requirements/nope").with(as(auditor))).getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void apiCreatesRatesAndApproves() throws Exception {
        String officerToken = token(officer);
        MvcResult created = perform(post("/api/v1/compliance/assessments").header("Authorization", "Bearer " + officerToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Camera X\",\"scopeKind\":\"PRODUCT\",\"productName\":\"Camera X\",\"catalogues\":[\"cra\",\"etsi303645\"]}"));
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
        long id = JSON.readTree(created.getResponse().getContentAsString()).get("assessment").get("id").asLong();

        MvcResult invalid = perform(put("/api/v1/compliance/assessments/" + id + "/results/cra.ai.2a")
                .header("Authorization", "Bearer " + officerToken).contentType(MediaType.APPLICATION_JSON)
                .content("{\"applicable\":true,\"maturity\":\"4\",\"dueDate\":\"31.12.2026\"}"));
        assertThat(invalid.getResponse().getStatus()).isEqualTo(400);
        assertThat(invalid.getResponse().getContentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        JSON.readTree(invalid.getResponse().getContentAsString()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("maturity", "dueDate");

        MvcResult rated = perform(put("/api/v1/compliance/assessments/" + id + "/results/cra.ai.2a")
                .header("Authorization", "Bearer " + officerToken).contentType(MediaType.APPLICATION_JSON)
                .content("{\"applicable\":true,\"status\":\"IMPLEMENTED\",\"maturity\":\"3\"}"));
        assertThat(rated.getResponse().getStatus()).isEqualTo(200);
        JsonNode results = JSON.readTree(perform(get("/api/v1/compliance/assessments/" + id + "/results")
                .header("Authorization", "Bearer " + token(auditor))).getResponse().getContentAsString());
        assertThat(results.size()).isGreaterThan(22);
        assertThat(perform(get("/api/v1/compliance/assessments/999999").header("Authorization", "Bearer " + officerToken))
                .getResponse().getStatus()).isEqualTo(404);

        MvcResult approved = perform(post("/api/v1/compliance/assessments/" + id + "/approvals")
                .header("Authorization", "Bearer " + token(board)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\":\"ok\"}"));
        assertThat(approved.getResponse().getStatus()).isEqualTo(201);
        assertThat(JSON.readTree(approved.getResponse().getContentAsString()).get("digest").asText()).hasSize(64);
    }
}
