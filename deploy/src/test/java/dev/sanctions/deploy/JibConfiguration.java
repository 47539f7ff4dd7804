package dev.sanctions.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The jib-maven-plugin section of the cli module's pom.xml, with the Maven properties it uses resolved
 * ({@code project.version}, {@code project.basedir} and the parent's {@code <properties>}).
 */
record JibConfiguration(
        String image,
        List<String> tags,
        String baseImage,
        String mainClass,
        List<String> jvmFlags,
        Map<String, String> environment,
        List<String> ports,
        String user,
        Map<Path, String> extraDirectories,
        Map<String, String> permissions,
        boolean boundToLifecycle) {

    static final String PLUGIN = "jib-maven-plugin";
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    /** The image name without its tag. */
    String imageName() {
        return image.substring(0, image.lastIndexOf(':'));
    }

    /** Every tag the build gives the image: the one in {@code <to><image>} and the extra ones. */
    List<String> allTags() {
        List<String> all = new ArrayList<>();
        all.add(image.substring(image.lastIndexOf(':') + 1));
        all.addAll(tags);
        return all;
    }

    /** The uid part of {@code <user>uid:gid</user>}. */
    int uid() {
        return Integer.parseInt(user.split(":")[0]);
    }

    /** The gid part of {@code <user>uid:gid</user>}; absent when only a uid is given. */
    Optional<Integer> gid() {
        String[] parts = user.split(":");
        return parts.length == 2 ? Optional.of(Integer.parseInt(parts[1])) : Optional.empty();
    }

    static JibConfiguration read(Path cliPom, Path parentPom) {
        Element cli = parse(cliPom);
        Map<String, String> properties = new HashMap<>();
        Element parentProperties = child(parse(parentPom), "properties");
        if (parentProperties != null) {
            children(parentProperties)
                    .forEach(p ->
                            properties.put(p.getTagName(), p.getTextContent().trim()));
        }
        properties.put("project.version", text(child(cli, "parent"), "version"));
        properties.put("project.basedir", cliPom.toAbsolutePath().getParent().toString());

        Element plugin = children(child(child(cli, "build"), "plugins")).stream()
                .filter(p -> PLUGIN.equals(text(p, "artifactId")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(cliPom + " has no " + PLUGIN + " in <build><plugins>"));
        Element configuration = child(plugin, "configuration");
        Element container = child(configuration, "container");
        Element extra = child(configuration, "extraDirectories");

        Map<Path, String> extraDirectories = new LinkedHashMap<>();
        children(child(extra, "paths"))
                .forEach(path -> extraDirectories.put(
                        Path.of(resolve(text(path, "from"), properties)).normalize(), text(path, "into")));
        Map<String, String> permissions = new LinkedHashMap<>();
        children(child(extra, "permissions")).forEach(p -> permissions.put(text(p, "file"), text(p, "mode")));
        Map<String, String> environment = new LinkedHashMap<>();
        children(child(container, "environment"))
                .forEach(e -> environment.put(
                        e.getTagName(), resolve(e.getTextContent().trim(), properties)));

        return new JibConfiguration(
                resolve(text(child(configuration, "to"), "image"), properties),
                texts(child(child(configuration, "to"), "tags"), properties),
                resolve(text(child(configuration, "from"), "image"), properties),
                text(container, "mainClass"),
                texts(child(container, "jvmFlags"), properties),
                environment,
                texts(child(container, "ports"), properties),
                text(container, "user"),
                extraDirectories,
                permissions,
                child(plugin, "executions") != null);
    }

    private static String resolve(String value, Map<String, String> properties) {
        Matcher matcher = PROPERTY.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String property = properties.get(matcher.group(1));
            if (property == null) {
                throw new IllegalArgumentException("unknown Maven property ${" + matcher.group(1) + "} in " + value);
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(property));
        }
        return matcher.appendTail(resolved).toString();
    }

    private static Element parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("cannot parse " + pom + ": " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String tag) {
        if (parent == null) {
            return null;
        }
        return children(parent).stream()
                .filter(c -> c.getTagName().equals(tag))
                .findFirst()
                .orElse(null);
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        if (parent == null) {
            return elements;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static String text(Element parent, String tag) {
        Element element = child(parent, tag);
        return element == null ? "" : element.getTextContent().trim();
    }

    private static List<String> texts(Element parent, Map<String, String> properties) {
        return children(parent).stream()
                .map(e -> resolve(e.getTextContent().trim(), properties))
                .toList();
    }
}
