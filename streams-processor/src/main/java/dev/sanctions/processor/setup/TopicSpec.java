package dev.sanctions.processor.setup;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * One contract topic: its settings (sorted, for stable reports), and the value schema registered
 * under {@code <name>-value} with its compatibility level ({@code valueSchema} null for the
 * dead-letter topic, whose values are whatever could not be read).
 */
record TopicSpec(String name, Map<String, String> configs, Schema valueSchema, String compatibility) {

    TopicSpec {
        configs = Collections.unmodifiableSortedMap(new TreeMap<>(configs));
    }

    String subject() {
        return name + "-value";
    }
}
