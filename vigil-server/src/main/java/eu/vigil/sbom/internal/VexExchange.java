package eu.vigil.sbom.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.purl.PackageUrl;
import eu.vigil.core.vex.CsafVex;
import eu.vigil.core.vex.CycloneDxVex;
import eu.vigil.core.vex.OpenVex;
import eu.vigil.core.vex.VexDocument;
import eu.vigil.core.vex.VexJustification;
import eu.vigil.core.vex.VexState;
import eu.vigil.core.vex.VexStatement;
import eu.vigil.sbom.Portfolio.Product;
import eu.vigil.sbom.Portfolio.Release;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A release's triage as VEX: exported as CycloneDX VEX or OpenVEX, imported from either (each
 * statement applied to the release's finding of that component and vulnerability, with the
 * document named as the source in the finding's history).
 */
@Service
@Transactional
public class VexExchange {

    private final JdbcClient jdbc;
    private final Findings findings;
    private final SbomManagement management;
    private final AuditTrail audit;
    private final java.time.Clock clock;
    private final SbomSettings settings;

    VexExchange(JdbcClient jdbc, Findings findings, SbomManagement management, AuditTrail audit, java.time.Clock clock,
                SbomSettings settings) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.findings = findings;
        this.management = management;
        this.audit = audit;
        this.clock = clock;
    }

    public enum Format {
        CYCLONEDX, OPENVEX, CSAF;

        public static Format of(String text) {
            String t = text == null ? "cyclonedx" : text.strip().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "cyclonedx", "cdx", "cyclonedx-vex" -> CYCLONEDX;
                case "openvex" -> OPENVEX;
                case "csaf", "csaf-vex" -> CSAF;
                default -> throw new InvalidSbomInput("format", "The VEX format is cyclonedx, openvex or csaf (export only).");
            };
        }
    }

    /** The product id written into statements: the product's purl at the release's version, else a Vigil URN. */
    static String productId(Product product, Release release) {
        if (product.purl() != null) {
            try {
                PackageUrl p = PackageUrl.parse(product.purl());
                return PackageUrl.of(p.type(), p.namespace(), p.name(), release.version(), p.qualifiers(), p.subpath())
                        .canonical();
            } catch (InvalidInputException e) {
                // fall through to the URN
            }
        }
        return "urn:vigil:product:" + product.key() + ":" + release.version();
    }

    /** Read-write: the export itself is audited. */
    public byte[] export(long releaseId, Format format) {
        Release release = management.release(releaseId);
        Product product = management.product(release.productId());
        String productId = productId(product, release);
        List<VexStatement> statements = new ArrayList<>();
        int offset = 0;
        while (true) {
            var page = findings.page(new Findings.Filter(null, releaseId, null, null, null, null, null, false), offset, 1000);
            for (var f : page) {
                statements.add(new VexStatement(f.vulnId(), f.aliases(), productId,
                        f.componentPurl() != null ? f.componentPurl() : f.componentName() + "@" + f.componentVersion(),
                        VexState.valueOf(f.state()), VexJustification.parse(f.justification()), f.detail(),
                        f.analysedAt() != null ? f.analysedAt() : f.firstSeen()));
            }
            if (page.size() < 1000) {
                break;
            }
            offset += 1000;
        }
        VexDocument document = new VexDocument("urn:uuid:" + java.util.UUID.randomUUID(),
                product.vendor() != null ? product.vendor() : "Vigil", clock.instant(), statements);
        audit.record(AuditEvent.of("sbom.vex.export").object("release", releaseId).detail("format", format.name())
                .detail("statements", statements.size()));
        return switch (format) {
            case CYCLONEDX -> CycloneDxVex.write(document);
            case OPENVEX -> OpenVex.write(document);
            case CSAF -> CsafVex.write(document, document.author(), settings.csafPublisherNamespace(),
                    "VIGIL-VEX-" + product.key() + "-" + release.version() + "-" + clock.instant().getEpochSecond(),
                    product.name() + " " + release.version());
        };
    }

    /** What an import did. */
    public record ImportResult(int statements, int applied, int unchanged, List<String> notFound) {
    }

    public ImportResult importVex(long releaseId, Format format, byte[] content, String user) {
        management.release(releaseId);
        if (format == Format.CSAF) {
            throw new InvalidSbomInput("format", "CSAF VEX is exported only; import CycloneDX VEX or OpenVEX.");
        }
        VexDocument document;
        try {
            document = format == Format.CYCLONEDX ? CycloneDxVex.read(content) : OpenVex.read(content);
        } catch (InvalidInputException e) {
            throw new InvalidSbomInput("file", "The VEX document was refused: " + e.getMessage());
        }
        record Key(String purl, String vuln) {
        }
        Map<Key, Long> byKey = new HashMap<>();
        Map<Long, String> states = new HashMap<>();
        jdbc.sql("""
                SELECT f.id, c.purl, c.name, c.version, a.alias, f.state FROM sbom_finding f
                JOIN sbom_component c ON c.id = f.component_id
                JOIN sbom_vulnerability_alias a ON a.vuln_id = f.vuln_id
                WHERE f.release_id = ?""").param(releaseId).query((rs, n) -> {
            String purl = rs.getString(2) != null ? rs.getString(2) : rs.getString(3) + "@" + rs.getString(4);
            byKey.put(new Key(canonical(purl), rs.getString(5)), rs.getLong(1));
            states.put(rs.getLong(1), rs.getString(6));
            return null;
        }).list();
        int applied = 0;
        int unchanged = 0;
        List<String> notFound = new ArrayList<>();
        String source = (format == Format.CYCLONEDX ? "CycloneDX VEX" : "OpenVEX") + " import"
                + (document.id() == null ? "" : " " + document.id());
        for (VexStatement s : document.statements()) {
            Long findingId = byKey.get(new Key(canonical(s.componentPurl()), s.vulnerabilityId().toUpperCase(Locale.ROOT)));
            for (int i = 0; findingId == null && i < s.aliases().size(); i++) {
                findingId = byKey.get(new Key(canonical(s.componentPurl()), s.aliases().get(i).toUpperCase(Locale.ROOT)));
            }
            if (findingId == null) {
                notFound.add(s.vulnerabilityId() + " in " + s.componentPurl());
                continue;
            }
            if (s.state().name().equals(states.get(findingId)) && s.state() == VexState.IN_TRIAGE) {
                unchanged++;
                continue;
            }
            VexState state = s.state();
            VexJustification justification = s.justification();
            if (state == VexState.NOT_AFFECTED && justification == null) {
                justification = VexJustification.CODE_NOT_PRESENT;
            }
            management.analyse(findingId, state.name(), justification == null ? null : justification.cycloneDx(),
                    s.detail(), user, source);
            states.put(findingId, state.name());
            applied++;
        }
        audit.record(AuditEvent.of("sbom.vex.import").object("release", releaseId).detail("format", format.name())
                .detail("statements", document.statements().size()).detail("applied", applied)
                .detail("notFound", notFound.size()));
        return new ImportResult(document.statements().size(), applied, unchanged, notFound.stream().limit(100).toList());
    }

    private static String canonical(String purl) {
        if (purl != null && purl.startsWith("pkg:")) {
            try {
                return PackageUrl.parse(purl).canonical();
            } catch (InvalidInputException e) {
                return purl;
            }
        }
        return purl;
    }
}
