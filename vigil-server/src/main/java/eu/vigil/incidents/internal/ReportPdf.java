package eu.vigil.incidents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a report as PDF: the Thymeleaf template {@code incidents/report-pdf} made into a W3C
 * document by jsoup (HTML5 parsing) and laid out by openhtmltopdf. No external resources are
 * fetched: the template carries its own styles.
 */
@Component
public class ReportPdf {

    private final ITemplateEngine templates;

    ReportPdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] render(ReportDocument document, ZoneId zone) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("doc", document);
        context.setVariable("zone", zone.getId());
        context.setVariable("fmt", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(zone));
        String html = templates.process("incidents/report-pdf", context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "about:blank");
            builder.useUriResolver((base, uri) -> null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
