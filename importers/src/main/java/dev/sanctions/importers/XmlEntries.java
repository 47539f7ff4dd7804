package dev.sanctions.importers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams an XML list file through {@link SecureXml}: checks the root element, then hands each element named as an
 * entry (and each header element) to the format as one {@link XmlElement}, descending through every other element.
 * Memory is one entry, bounded: an entry of more than {@value #MAX_ENTRY_CHARS} characters is a bad file.
 */
public final class XmlEntries {

    /** Far above any real entry (the largest are some 30,000 characters), far below the heap. */
    static final int MAX_ENTRY_CHARS = 4_000_000;

    /** What the format does with the parts of the document. */
    public interface Handler {
        /** The root element's attributes, before anything else. */
        void root(Map<String, String> attributes, SourcePosition at) throws ListFileException;

        /** An element named in {@code headers}, read whole. */
        default void header(XmlElement element, SourcePosition at) throws ListFileException {}

        /** An element named in {@code entries}, read whole. */
        void entry(XmlElement element, SourcePosition at) throws ListFileException;
    }

    private XmlEntries() {}

    /**
     * Reads {@code file}, whose root must be {@code rootName} (in namespace {@code namespace}, or any when null).
     *
     * @throws ListFileException for a missing file, malformed XML, a DOCTYPE, another root, an oversized entry
     */
    public static void read(
            Path file, String rootName, String namespace, Set<String> headers, Set<String> entries, Handler handler)
            throws ListFileException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = SecureXml.open(in, file);
            try {
                readDocument(file, xml, rootName, namespace, headers, entries, handler);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw SecureXml.malformed(file, e);
        } catch (IOException e) {
            throw SecureXml.unreadable(file, e);
        } catch (SinkFailure e) {
            throw e;
        } catch (RuntimeException e) {
            // The JDK parser throws unchecked exceptions for some broken byte sequences; a file is bad input, never a
            // crash.
            throw new ListFileException(new SourcePosition(file, 0), "unreadable XML: " + e.getMessage());
        }
    }

    private static void readDocument(
            Path file,
            XMLStreamReader xml,
            String rootName,
            String namespace,
            Set<String> headers,
            Set<String> entries,
            Handler handler)
            throws XMLStreamException, ListFileException {
        boolean rootSeen = false;
        int depth = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.DTD ->
                    throw new ListFileException(
                            position(file, xml),
                            "a DOCTYPE is not allowed: official list files carry none, and a DTD could define entities"
                                    + " (XXE, entity expansion); this is not the published file");
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw new ListFileException(
                            position(file, xml),
                            "entity reference &" + xml.getLocalName()
                                    + "; is not allowed: only XML's own entities are");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (!rootSeen) {
                        checkRoot(file, xml, rootName, namespace);
                        rootSeen = true;
                        handler.root(attributes(xml), position(file, xml));
                        depth = 1;
                    } else if (entries.contains(xml.getLocalName())) {
                        SourcePosition at = position(file, xml);
                        handler.entry(element(file, xml), at);
                    } else if (headers.contains(xml.getLocalName())) {
                        SourcePosition at = position(file, xml);
                        handler.header(element(file, xml), at);
                    } else {
                        depth++;
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> {
                    // text between entries, comments, processing instructions: layout only
                }
            }
        }
        if (!rootSeen) {
            throw new ListFileException(
                    new SourcePosition(file, 0), "no <" + rootName + "> element: this is not the list file");
        }
        if (depth != 0) {
            throw new ListFileException(
                    position(file, xml), "the file ends inside an element: it is incomplete; download it again");
        }
    }

    private static void checkRoot(Path file, XMLStreamReader xml, String rootName, String namespace)
            throws ListFileException {
        String uri = xml.getNamespaceURI();
        boolean nameMatches = xml.getLocalName().equals(rootName);
        boolean namespaceMatches = namespace == null || namespace.equals(uri);
        if (!nameMatches || !namespaceMatches) {
            String found = "<" + xml.getLocalName() + ">" + (uri == null || uri.isEmpty() ? "" : " in " + uri);
            String expected = "<" + rootName + ">" + (namespace == null ? "" : " in " + namespace);
            throw new ListFileException(
                    position(file, xml),
                    "the root element is " + found + ", expected " + expected
                            + ": is this the right file for this format?");
        }
    }

    /** Reads the element the reader is on, with everything inside it, leaving the reader on its end tag. */
    private static XmlElement element(Path file, XMLStreamReader xml) throws XMLStreamException, ListFileException {
        int[] budget = {MAX_ENTRY_CHARS};
        return element(file, xml, budget);
    }

    private static XmlElement element(Path file, XMLStreamReader xml, int[] budget)
            throws XMLStreamException, ListFileException {
        String name = xml.getLocalName();
        int line = xml.getLocation().getLineNumber();
        Map<String, String> attributes = attributes(xml);
        List<XmlElement> children = new ArrayList<>();
        StringBuilder text = null;
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> children.add(element(file, xml, budget));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    budget[0] -= xml.getTextLength();
                    if (budget[0] < 0) {
                        throw new ListFileException(
                                new SourcePosition(file, line),
                                "<" + name + "> holds more than " + MAX_ENTRY_CHARS
                                        + " characters: no entry of a real list is that large");
                    }
                    if (text == null) {
                        text = new StringBuilder();
                    }
                    text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw new ListFileException(
                            position(file, xml),
                            "entity reference &" + xml.getLocalName()
                                    + "; is not allowed: only XML's own entities are");
                case XMLStreamConstants.END_ELEMENT -> {
                    // The white space between child elements is layout, not text.
                    boolean layoutOnly = !children.isEmpty()
                            && text != null
                            && text.toString().isBlank();
                    String value = text == null || layoutOnly ? null : text.toString();
                    return new XmlElement(name, attributes, value, children, line);
                }
                case XMLStreamConstants.END_DOCUMENT ->
                    throw new ListFileException(
                            position(file, xml),
                            "the file ends inside <" + name + ">: it is incomplete; download it again");
                default -> {
                    // comments, processing instructions
                }
            }
        }
    }

    private static Map<String, String> attributes(XMLStreamReader xml) {
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
        }
        return attributes;
    }

    private static SourcePosition position(Path file, XMLStreamReader xml) {
        return new SourcePosition(file, Math.max(xml.getLocation().getLineNumber(), 0));
    }
}
