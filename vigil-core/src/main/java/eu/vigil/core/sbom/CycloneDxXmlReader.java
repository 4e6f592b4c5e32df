package eu.vigil.core.sbom;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import eu.vigil.core.InvalidInputException;

/**
 * Reads CycloneDX XML with a StAX reader that refuses any DOCTYPE (so no external entity and no
 * entity expansion can happen) and bounds element depth and text length. Like the JSON reader it
 * holds one top-level component subtree at a time.
 */
final class CycloneDxXmlReader {

    /** An element subtree in the BOM namespace; foreign-namespace extensions are left out. */
    record Element(String name, Map<String, String> attributes, String text, List<Element> children) {

        Element child(String childName) {
            for (Element child : children) {
                if (child.name.equals(childName)) {
                    return child;
                }
            }
            return null;
        }

        List<Element> all(String childName) {
            List<Element> found = new ArrayList<>();
            for (Element child : children) {
                if (child.name.equals(childName)) {
                    found.add(child);
                }
            }
            return found;
        }

        String childText(String childName) {
            Element child = child(childName);
            return child == null ? null : child.text;
        }
    }

    private final SbomLimits limits;
    /** Before 1.7 the XML schema let {@code <licenses>} hold licenses or one expression, not both. */
    private boolean licenseChoiceExclusive;

    CycloneDxXmlReader(SbomLimits limits) {
        this.limits = limits;
    }

    /** A StAX factory that never reads a DTD or resolves an entity; shared with format detection. */
    static XMLInputFactory secureFactory(int maxDepth) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        // the JDK's own bound stays as a backstop just above ours, whose message is clearer
        factory.setProperty("jdk.xml.maxElementDepth", maxDepth + 1);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not resolved: " + systemId);
        });
        return factory;
    }

    Sbom read(byte[] document) {
        XMLStreamReader xml = null;
        try {
            xml = secureFactory(limits.maxDepth()).createXMLStreamReader(new ByteArrayInputStream(document));
            return read(xml);
        } catch (XMLStreamException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNumber() + ", column "
                    + location.getColumnNumber();
            throw new InvalidInputException("malformed XML" + where + ": " + withoutPosition(e.getMessage()), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing held open: the input is an array
                }
            }
        }
    }

    private Sbom read(XMLStreamReader xml) throws XMLStreamException {
        nextStartElement(xml);
        String namespace = xml.getNamespaceURI();
        if (!"bom".equals(xml.getLocalName()) || namespace == null || !namespace.startsWith(CycloneDx.NAMESPACE_PREFIX)) {
            throw new InvalidInputException("not a CycloneDX XML BOM: the root element is {"
                    + (namespace == null ? "" : namespace) + "}" + xml.getLocalName()
                    + ", expected {" + CycloneDx.NAMESPACE_PREFIX + "1.x}bom");
        }
        String specVersion = CycloneDx.checkVersion(namespace.substring(CycloneDx.NAMESPACE_PREFIX.length()));
        licenseChoiceExclusive = !specVersion.equals("1.7");
        String serialNumber = CycloneDx.checkSerialNumber(xml.getAttributeValue(null, "serialNumber"));
        SbomAssembly assembly = new SbomAssembly();
        int depth = 1;
        while (xml.hasNext()) {
            int event = next(xml);
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (depth == 0) {
                    break;
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            // here depth == 1: a direct child of <bom>
            boolean ours = namespace.equals(xml.getNamespaceURI());
            String name = xml.getLocalName();
            if (ours && name.equals("metadata")) {
                Element metadata = element(xml, namespace, 2);
                Element root = metadata.child("component");
                if (root != null) {
                    assembly.root(readComponent(root, null, assembly, "metadata.component"));
                }
            } else if (ours && name.equals("components")) {
                readList(xml, namespace, "component",
                        component -> readComponent(component, null, assembly, "components"));
            } else if (ours && name.equals("dependencies")) {
                readList(xml, namespace, "dependency", dependency -> readDependency(dependency, assembly));
            } else {
                skip(xml, 2);
            }
        }
        return assembly.build(SbomFormat.CYCLONEDX_XML, specVersion, serialNumber, null);
    }

    /** Reads the children of a list element one subtree at a time. */
    private void readList(XMLStreamReader xml, String namespace, String itemName,
            Consumer<Element> consumer) throws XMLStreamException {
        while (true) {
            int event = next(xml);
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (namespace.equals(xml.getNamespaceURI()) && xml.getLocalName().equals(itemName)) {
                    consumer.accept(element(xml, namespace, 3));
                } else {
                    skip(xml, 3);
                }
            }
        }
    }

    private ComponentDraft readComponent(Element element, ComponentDraft parent, SbomAssembly assembly,
            String where) {
        ComponentDraft component = new ComponentDraft();
        component.ref = CycloneDx.checkRef(element.attributes().get("bom-ref"), where);
        component.name = element.childText("name");
        if (component.name == null) {
            throw new InvalidInputException("component at " + where + " has no name");
        }
        String context = "component " + component.describe();
        component.type = CycloneDx.checkType(element.attributes().get("type"), context);
        component.version = element.childText("version");
        component.group = element.childText("group");
        component.purl = element.childText("purl");
        String cpe = element.childText("cpe");
        if (cpe != null) {
            component.cpes.add(cpe);
        }
        component.scope = CycloneDx.checkScope(element.childText("scope"), context);
        Element supplier = element.child("supplier");
        if (supplier != null) {
            component.supplier = supplier.childText("name");
        }
        Element hashes = element.child("hashes");
        if (hashes != null) {
            for (Element hash : hashes.all("hash")) {
                component.addHash(hash.attributes().get("alg"), hash.text());
            }
        }
        Element licenses = element.child("licenses");
        if (licenses != null) {
            boolean expression = false;
            boolean license = false;
            for (Element choice : licenses.children()) {
                if (choice.name().equals("expression")) {
                    expression = true;
                    component.addLicense(choice.text());
                } else if (choice.name().equals("license")) {
                    license = true;
                    component.addLicense(license(choice, context));
                }
            }
            if (expression && license && licenseChoiceExclusive) {
                throw new InvalidInputException("the licenses of " + context
                        + " mix license and expression entries; they must be one or the other");
            }
        }
        component.parent = parent;
        assembly.add(component);
        Element children = element.child("components");
        if (children != null) {
            for (Element child : children.all("component")) {
                readComponent(child, component, assembly, context + " components");
            }
        }
        return component;
    }

    private static String license(Element license, String context) {
        List<Element> ids = license.all("id");
        List<Element> names = license.all("name");
        if (ids.size() + names.size() != 1) {
            throw new InvalidInputException("a license of " + context + " must have exactly one id or name, it has "
                    + ids.size() + " id and " + names.size() + " name elements");
        }
        return ids.isEmpty() ? names.get(0).text() : ids.get(0).text();
    }

    private static void readDependency(Element dependency, SbomAssembly assembly) {
        String ref = dependency.attributes().get("ref");
        if (ref == null || ref.isEmpty()) {
            throw new InvalidInputException("a dependency element has no 'ref' attribute");
        }
        for (Element target : dependency.all("dependency")) {
            String to = target.attributes().get("ref");
            if (to == null || to.isEmpty()) {
                throw new InvalidInputException("dependency '" + ref + "' lists a dependency without 'ref'");
            }
            assembly.edge(ref, to, Dependency.Kind.DEPENDS_ON);
            readDependency(target, assembly);
        }
    }

    /** Reads the current start element and its subtree; {@code depth} is that element's depth. */
    private Element element(XMLStreamReader xml, String namespace, int depth) throws XMLStreamException {
        checkDepth(depth);
        String name = xml.getLocalName();
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String attributeNamespace = xml.getAttributeNamespace(i);
            if (attributeNamespace == null || attributeNamespace.isEmpty()) {
                attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
            }
        }
        List<Element> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = next(xml);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (namespace.equals(xml.getNamespaceURI())) {
                        children.add(element(xml, namespace, depth + 1));
                    } else {
                        skip(xml, depth + 1);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() + xml.getTextLength() > limits.maxStringLength()) {
                        throw new InvalidInputException("the text of an XML element <" + name + "> is longer than "
                                + limits.maxStringLength() + " characters");
                    }
                    text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    String value = text.toString().strip();
                    return new Element(name, attributes, value.isEmpty() ? null : value, children);
                }
                default -> {
                    // comments and processing instructions carry nothing for the model
                }
            }
        }
    }

    /** Skips the current start element's subtree. */
    private void skip(XMLStreamReader xml, int depth) throws XMLStreamException {
        checkDepth(depth);
        int open = 1;
        while (open > 0) {
            int event = next(xml);
            if (event == XMLStreamConstants.START_ELEMENT) {
                open++;
                checkDepth(depth + open - 1);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                open--;
            }
        }
    }

    private void checkDepth(int depth) {
        if (depth > limits.maxDepth()) {
            throw new InvalidInputException("the XML document nests elements deeper than " + limits.maxDepth()
                    + " levels");
        }
    }

    private static void nextStartElement(XMLStreamReader xml) throws XMLStreamException {
        while (next(xml) != XMLStreamConstants.START_ELEMENT) {
            // prolog: comments, processing instructions, whitespace
        }
    }

    /** The next event; a DOCTYPE is refused before the parser could act on it. */
    static int next(XMLStreamReader xml) throws XMLStreamException {
        if (!xml.hasNext()) {
            throw new InvalidInputException("the XML document ends before its root element is closed");
        }
        int event = xml.next();
        if (event == XMLStreamConstants.DTD) {
            throw new InvalidInputException("the XML document has a DOCTYPE declaration; DTDs and entities are "
                    + "refused (they allow external entity and entity expansion attacks)");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new InvalidInputException("the XML document references the undeclared entity '"
                    + xml.getLocalName() + "'");
        }
        return event;
    }

    /** The JDK's messages start with a "ParseError at [row,col]" line that repeats the location. */
    private static String withoutPosition(String message) {
        if (message == null) {
            return "unreadable document";
        }
        int newline = message.indexOf('\n');
        String line = (newline < 0 ? message : message.substring(newline + 1)).strip();
        return line.startsWith("Message: ") ? line.substring("Message: ".length()) : line;
    }
}
