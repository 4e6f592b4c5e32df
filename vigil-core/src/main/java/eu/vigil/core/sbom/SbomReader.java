package eu.vigil.core.sbom;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import eu.vigil.core.InvalidInputException;

/**
 * Reads an SBOM of any supported format into an {@link Sbom}, detecting the format from the
 * content: CycloneDX 1.2–1.7 JSON and XML, SPDX 2.2 and 2.3 JSON and tag-value.
 *
 * <p>Safe on hostile input: documents larger than {@link SbomLimits#maxBytes()} are refused before
 * being read in full; XML with a DOCTYPE (external entities, entity expansion) is refused; JSON and
 * XML nesting and string lengths are bounded. Every problem surfaces as an
 * {@link InvalidInputException} whose message names the format and what is wrong where. Nothing
 * touches the network. Instances are immutable and thread-safe.
 */
public final class SbomReader {

    private final SbomLimits limits;

    /** A reader with {@link SbomLimits#DEFAULT}. */
    public SbomReader() {
        this(SbomLimits.DEFAULT);
    }

    public SbomReader(SbomLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public SbomLimits limits() {
        return limits;
    }

    /** Reads the SBOM in {@code file}. */
    public Sbom read(Path file) {
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw tooLarge();
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads an SBOM from {@code in} (not closed), refusing it as soon as it exceeds the size limit. */
    public Sbom read(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(chunk)) >= 0; ) {
            total += n;
            if (total > limits.maxBytes()) {
                throw tooLarge();
            }
            buffer.write(chunk, 0, n);
        }
        return read(buffer.toByteArray());
    }

    /** Reads an SBOM held in memory. */
    public Sbom read(byte[] document) {
        if (document.length > limits.maxBytes()) {
            throw tooLarge();
        }
        SbomFormat format = detect(document);
        try {
            return switch (format) {
                case CYCLONEDX_JSON -> new CycloneDxJsonReader(limits).read(document);
                case CYCLONEDX_XML -> new CycloneDxXmlReader(limits).read(document);
                case SPDX_JSON -> new SpdxJsonReader(limits).read(document);
                case SPDX_TAG_VALUE -> new SpdxTagValueReader(limits).read(document);
            };
        } catch (InvalidInputException e) {
            throw new InvalidInputException(format.standard() + " " + format.encoding() + ": " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            // a last line of defence: nesting is bounded by the limits well before this
            throw new InvalidInputException(format.standard() + " " + format.encoding() + ": nested too deeply");
        }
    }

    /**
     * Tells the format of a document from its content.
     *
     * @throws InvalidInputException when the content is none of the supported formats; the message
     *         says what it looks like instead (SPDX 3, SPDX RDF/XML or YAML, plain JSON, …)
     */
    public SbomFormat detect(byte[] document) {
        int first = firstSignificantByte(document);
        if (first < 0) {
            throw new InvalidInputException("the SBOM is empty");
        }
        return switch (document[first]) {
            case '{' -> detectJson(document);
            case '<' -> detectXml(document, limits.maxDepth());
            default -> detectText(document, first);
        };
    }

    private SbomFormat detectJson(byte[] document) {
        JsonDocuments json = new JsonDocuments(limits);
        try (JsonParser parser = json.open(document)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                switch (field) {
                    case "bomFormat", "specVersion" -> {
                        return SbomFormat.CYCLONEDX_JSON;
                    }
                    case "spdxVersion", "SPDXID" -> {
                        return SbomFormat.SPDX_JSON;
                    }
                    case "@context" -> throw new InvalidInputException("this looks like an SPDX 3 (JSON-LD) document; "
                            + "Vigil reads SPDX 2.2 and 2.3");
                    default -> {
                        parser.nextToken();
                        parser.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            throw JsonDocuments.translate(e);
        }
        throw new InvalidInputException("a JSON document that is neither CycloneDX (no 'bomFormat') "
                + "nor SPDX (no 'spdxVersion')");
    }

    private static SbomFormat detectXml(byte[] document, int maxDepth) {
        XMLStreamReader xml = null;
        try {
            xml = CycloneDxXmlReader.secureFactory(maxDepth).createXMLStreamReader(new ByteArrayInputStream(document));
            while (CycloneDxXmlReader.next(xml) != XMLStreamConstants.START_ELEMENT) {
                // prolog
            }
            String root = xml.getLocalName();
            if (root.equals("bom")) {
                return SbomFormat.CYCLONEDX_XML;
            }
            if (root.equals("RDF") || root.equals("Document") || root.equals("SpdxDocument")) {
                throw new InvalidInputException("SPDX RDF/XML and XML are not supported; "
                        + "use SPDX JSON or tag-value, or CycloneDX");
            }
            throw new InvalidInputException("an XML document whose root element <" + root
                    + "> is not a CycloneDX <bom>");
        } catch (XMLStreamException e) {
            throw new InvalidInputException("malformed XML: " + e.getMessage(), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // reading from memory
                }
            }
        }
    }

    private static SbomFormat detectText(byte[] document, int first) {
        String head = new String(document, first, Math.min(document.length - first, 64 * 1024),
                StandardCharsets.UTF_8);
        for (String line : head.split("\r?\n|\r")) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            if (stripped.startsWith("SPDXVersion:")) {
                return SbomFormat.SPDX_TAG_VALUE;
            }
            if (stripped.startsWith("spdxVersion:") || stripped.startsWith("---")) {
                throw new InvalidInputException("SPDX YAML is not supported; use SPDX JSON or tag-value");
            }
            if (!stripped.matches("[A-Za-z][A-Za-z0-9]*:.*")) {
                break;
            }
        }
        throw new InvalidInputException("not a recognised SBOM: expected CycloneDX JSON or XML, SPDX JSON, "
                + "or SPDX tag-value starting with an 'SPDXVersion:' line");
    }

    /** Index of the first byte that is not whitespace or a UTF-8 byte order mark; -1 if none. */
    private static int firstSignificantByte(byte[] document) {
        int i = 0;
        if (document.length >= 3 && (document[0] & 0xFF) == 0xEF && (document[1] & 0xFF) == 0xBB
                && (document[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < document.length && (document[i] == ' ' || document[i] == '\t' || document[i] == '\n'
                || document[i] == '\r')) {
            i++;
        }
        return i < document.length ? i : -1;
    }

    private InvalidInputException tooLarge() {
        return new InvalidInputException("the SBOM is larger than the limit of " + limits.maxBytes() + " bytes");
    }
}
