package eu.vigil.psirt.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Entities;

/** A CRA Art. 14 report as PDF (openhtmltopdf), from the same content as its JSON form. */
final class CraPdf {

    private CraPdf() {
    }

    static byte[] render(Map<String, Object> report) {
        StringBuilder html = new StringBuilder("<html><head><style>body{font-family:sans-serif;font-size:11pt}"
                + "th{text-align:left;vertical-align:top;padding-right:1em}td{white-space:pre-wrap}</style></head><body>");
        html.append("<h1>").append(Entities.escape(String.valueOf(report.get("title")))).append("</h1>");
        html.append("<p>").append(Entities.escape(String.valueOf(report.get("legalBasis")))).append("</p><table>");
        row(html, "", report);
        html.append("</table></body></html>");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html.toString())), "about:blank");
            builder.useUriResolver((base, uri) -> null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(StringBuilder html, String prefix, Map<?, ?> map) {
        for (var entry : map.entrySet()) {
            String key = prefix + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> nested) {
                row(html, key + ".", nested);
            } else {
                html.append("<tr><th>").append(Entities.escape(key)).append("</th><td>")
                        .append(Entities.escape(String.valueOf(entry.getValue()))).append("</td></tr>");
            }
        }
    }
}
