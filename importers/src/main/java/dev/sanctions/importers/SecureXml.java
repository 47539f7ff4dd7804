package dev.sanctions.importers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one way importers read XML: a StAX stream reader that refuses DTDs, so external entities (XXE), entity
 * expansion ("billion laughs") and network look-ups cannot happen; a document with a DOCTYPE is a bad file. Official
 * list files never carry one.
 */
public final class SecureXml {

    private static final XMLInputFactory FACTORY = factory();

    private SecureXml() {}

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // Nothing may be fetched while reading, whatever the document says.
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not read: " + systemId);
        });
        return factory;
    }

    /** A reader of {@code in}; the encoding comes from the XML declaration (UTF-8 without one). */
    public static XMLStreamReader open(InputStream in, Path file) throws ListFileException {
        try {
            return FACTORY.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw malformed(file, e);
        }
    }

    /** {@code FILE:LINE: malformed XML: reason}, for an error of the parser. */
    public static ListFileException malformed(Path file, XMLStreamException e) {
        Location location = e.getLocation();
        int line = location == null ? 0 : Math.max(location.getLineNumber(), 0);
        return new ListFileException(
                new SourcePosition(file, line),
                "malformed XML: " + reason(e) + "; the file is damaged or incomplete: download it again");
    }

    /** {@code FILE:0: cannot read: reason}, for a file that cannot be opened or read. */
    public static ListFileException unreadable(Path file, IOException e) {
        return new ListFileException(new SourcePosition(file, 0), "cannot read the file: " + e);
    }

    private static String reason(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        // The JDK parser prefixes "ParseError at [row,col]:[r,c]\nMessage: "; the line is given separately.
        int at = message.indexOf("Message: ");
        String reason = at >= 0 ? message.substring(at + "Message: ".length()) : message;
        if (e.getNestedException() != null && e.getNestedException().getMessage() != null) {
            String nested = e.getNestedException().getMessage();
            if (!reason.contains(nested)) {
                reason = reason + ": " + nested;
            }
        }
        return reason.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
