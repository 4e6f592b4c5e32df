package eu.vigil.core.sbom;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import eu.vigil.core.InvalidInputException;

/**
 * Reads SPDX 2.2/2.3 tag-value documents, as Yocto and other embedded-Linux builds write them:
 * {@code Tag: value} lines, multi-line values in {@code <text>…</text>}, a package running from its
 * {@code PackageName} to the next {@code PackageName}, {@code FileName}, {@code SnippetSPDXID} or
 * {@code LicenseID}. Tags the model does not use are read past.
 */
final class SpdxTagValueReader {

    private enum Section { DOCUMENT, PACKAGE, OTHER }

    private final SbomLimits limits;

    SpdxTagValueReader(SbomLimits limits) {
        this.limits = limits;
    }

    Sbom read(byte[] document) {
        String text = decode(document);
        SpdxDocument spdx = new SpdxDocument();
        Section section = Section.DOCUMENT;
        ComponentDraft component = null;
        int position = 0;
        int lineNumber = 0;
        while (position < text.length()) {
            int end = text.indexOf('\n', position);
            if (end < 0) {
                end = text.length();
            }
            lineNumber++;
            int startLine = lineNumber;
            String line = text.substring(position, end);
            position = end + 1;
            if (line.length() > limits.maxStringLength()) {
                throw new InvalidInputException("line " + startLine + " is longer than " + limits.maxStringLength()
                        + " characters");
            }
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new InvalidInputException("line " + startLine + " is not a 'Tag: value' line: '"
                        + abbreviate(stripped) + "'");
            }
            String tag = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (value.startsWith("<text>")) {
                // a multi-line value runs to the closing </text>, possibly lines later
                StringBuilder multiLine = new StringBuilder(value.substring("<text>".length()));
                while (multiLine.indexOf("</text>") < 0) {
                    if (position >= text.length()) {
                        throw new InvalidInputException("the <text> value of '" + tag + "' opened on line " + startLine
                                + " is never closed by </text>");
                    }
                    end = text.indexOf('\n', position);
                    if (end < 0) {
                        end = text.length();
                    }
                    lineNumber++;
                    multiLine.append('\n').append(text, position, end);
                    position = end + 1;
                    if (multiLine.length() > limits.maxStringLength()) {
                        throw new InvalidInputException("the <text> value of '" + tag + "' opened on line "
                                + startLine + " is longer than " + limits.maxStringLength() + " characters");
                    }
                }
                int close = multiLine.indexOf("</text>");
                value = multiLine.substring(0, close).strip();
            }
            switch (tag) {
                case "SPDXVersion" -> spdx.version(value);
                case "DocumentName" -> spdx.name = value;
                case "DocumentNamespace" -> spdx.namespace = value;
                case "PackageName" -> {
                    component = new ComponentDraft();
                    component.name = value;
                    section = Section.PACKAGE;
                    spdx.addPackage(component);
                }
                case "FileName", "SnippetSPDXID", "LicenseID" -> {
                    section = Section.OTHER;
                    component = null;
                }
                case "SPDXID" -> {
                    if (section == Section.DOCUMENT) {
                        spdx.id = value;
                    } else if (section == Section.PACKAGE) {
                        component.ref = value;
                    }
                }
                case "Relationship" -> {
                    String[] parts = value.split("\\s+");
                    if (parts.length != 3) {
                        throw new InvalidInputException("line " + startLine
                                + ": a Relationship is 'element TYPE related-element', not '" + abbreviate(value) + "'");
                    }
                    spdx.relationship(parts[0], parts[1], parts[2]);
                }
                default -> {
                    if (section == Section.PACKAGE) {
                        packageTag(component, tag, value, startLine);
                    }
                }
            }
        }
        return spdx.build(SbomFormat.SPDX_TAG_VALUE);
    }

    private static void packageTag(ComponentDraft component, String tag, String value, int line) {
        switch (tag) {
            case "PackageVersion" -> component.version = value;
            case "PackageSupplier" -> component.supplier = SpdxDocument.supplier(value);
            case "PrimaryPackagePurpose" -> component.type = SpdxDocument.type(value);
            case "PackageLicenseConcluded", "PackageLicenseDeclared" -> SpdxDocument.license(component, value);
            case "PackageChecksum" -> {
                int colon = value.indexOf(':');
                if (colon <= 0) {
                    throw new InvalidInputException("line " + line + ": a PackageChecksum is 'ALGORITHM: value', not '"
                            + abbreviate(value) + "'");
                }
                component.addHash(value.substring(0, colon), value.substring(colon + 1));
            }
            case "ExternalRef" -> {
                String[] parts = value.split("\\s+", 3);
                if (parts.length != 3) {
                    throw new InvalidInputException("line " + line
                            + ": an ExternalRef is 'CATEGORY type locator', not '" + abbreviate(value) + "'");
                }
                SpdxDocument.externalRef(component, parts[0], parts[1], parts[2]);
            }
            default -> {
                // other package tags (download location, copyright, …) are not part of the model
            }
        }
    }

    private static String decode(byte[] document) {
        int start = document.length >= 3 && (document[0] & 0xFF) == 0xEF && (document[1] & 0xFF) == 0xBB
                && (document[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(document, start, document.length - start))
                    .toString()
                    .replace("\r\n", "\n")
                    .replace('\r', '\n');
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("the SPDX tag-value document is not valid UTF-8");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
