package dev.sanctions.importers;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of an entry read whole: its local name, attributes, text (null when it has none) and child elements.
 * Formats read one entry at a time into this small tree, never the whole file.
 *
 * @param line the line the element starts on
 */
public record XmlElement(
        String name, Map<String, String> attributes, String text, List<XmlElement> children, int line) {

    public XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** The children of that name, in order. */
    public List<XmlElement> all(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    public Optional<XmlElement> first(String childName) {
        return Optional.ofNullable(firstOrNull(childName));
    }

    /** The cleaned text of the first child of that name; null when absent or blank. */
    public String text(String childName) {
        XmlElement child = firstOrNull(childName);
        return child == null ? null : Texts.clean(child.text);
    }

    // A loop, not a stream: formats look children up by name a dozen times per entry.
    private XmlElement firstOrNull(String childName) {
        for (XmlElement child : children) {
            if (child.name.equals(childName)) {
                return child;
            }
        }
        return null;
    }

    /** The cleaned value of an attribute; null when absent or blank. */
    public String attribute(String attributeName) {
        return Texts.clean(attributes.get(attributeName));
    }
}
