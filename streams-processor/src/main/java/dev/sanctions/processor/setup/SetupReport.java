package dev.sanctions.processor.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link PipelineSetup} did: topics created, topics that already existed, differences between
 * existing topics and the expected settings (reported, never changed), and the schema id of every
 * registered subject.
 */
public record SetupReport(
        List<String> createdTopics,
        List<String> existingTopics,
        List<String> differences,
        Map<String, Integer> schemaIds) {

    public SetupReport {
        createdTopics = List.copyOf(createdTopics);
        existingTopics = List.copyOf(existingTopics);
        differences = List.copyOf(differences);
        schemaIds = Map.copyOf(new TreeMap<>(schemaIds));
    }

    /** Human-readable lines, one per topic, difference and subject. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        createdTopics.forEach(t -> lines.add("created topic " + t));
        existingTopics.forEach(t -> lines.add("topic " + t + " already exists"));
        differences.forEach(d -> lines.add("WARNING " + d));
        new TreeMap<>(schemaIds).forEach((s, id) -> lines.add("subject " + s + " has schema id " + id));
        return lines;
    }
}
