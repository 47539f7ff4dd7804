package dev.sanctions.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The parts of a Compose file the checks need, in the long and short forms Compose accepts. */
record ComposeFile(Map<String, Service> services, Set<String> volumes) {

    /** One service; absent settings are empty, never null. */
    record Service(
            String name,
            String image,
            List<String> command,
            Map<String, String> environment,
            Map<String, String> dependsOn,
            List<String> ports,
            List<String> volumes,
            String healthcheck,
            String restart,
            List<String> profiles) {

        Optional<String> env(String variable) {
            return Optional.ofNullable(environment.get(variable));
        }
    }

    static ComposeFile read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
        if (root == null || !root.path("services").isObject()) {
            throw new IllegalArgumentException(file + " has no services");
        }
        Map<String, Service> services = new LinkedHashMap<>();
        root.path("services")
                .properties()
                .forEach(entry -> services.put(entry.getKey(), service(entry.getKey(), entry.getValue())));
        Set<String> volumes = new TreeSet<>();
        root.path("volumes").properties().forEach(entry -> volumes.add(entry.getKey()));
        return new ComposeFile(services, volumes);
    }

    Service service(String name) {
        Service service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service '" + name + "' in the Compose file");
        }
        return service;
    }

    private static Service service(String name, JsonNode node) {
        return new Service(
                name,
                node.path("image").asText(""),
                words(node.path("command")),
                environment(node.path("environment")),
                dependsOn(node.path("depends_on")),
                strings(node.path("ports")),
                strings(node.path("volumes")),
                String.join(" ", words(node.path("healthcheck").path("test"))),
                node.path("restart").asText(""),
                strings(node.path("profiles")));
    }

    /** A command as a list, or as one string split the way Compose splits it (on spaces; we use no quoting). */
    private static List<String> words(JsonNode node) {
        if (node.isTextual()) {
            return Arrays.asList(node.asText().trim().split("\\s+"));
        }
        return strings(node);
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(item -> values.add(item.asText()));
        return values;
    }

    private static Map<String, String> environment(JsonNode node) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (node.isObject()) {
            node.properties()
                    .forEach(entry ->
                            environment.put(entry.getKey(), entry.getValue().asText()));
        } else {
            node.forEach(item -> {
                String[] pair = item.asText().split("=", 2);
                environment.put(pair[0], pair.length == 2 ? pair[1] : "");
            });
        }
        return environment;
    }

    /** Target service to condition; the short (list) form means {@code service_started}. */
    private static Map<String, String> dependsOn(JsonNode node) {
        Map<String, String> dependsOn = new LinkedHashMap<>();
        if (node.isObject()) {
            node.properties()
                    .forEach(entry -> dependsOn.put(
                            entry.getKey(), entry.getValue().path("condition").asText("service_started")));
        } else {
            node.forEach(item -> dependsOn.put(item.asText(), "service_started"));
        }
        return dependsOn;
    }
}
