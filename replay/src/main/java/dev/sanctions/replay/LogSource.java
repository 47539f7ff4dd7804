package dev.sanctions.replay;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where the log lives: Kafka client properties (bootstrap.servers, SASL, TLS ...) and the schema registry
 * client properties (schema.registry.url, basic.auth.* ...).
 */
public record LogSource(Map<String, Object> kafkaProperties, Map<String, Object> registryProperties) {

    public LogSource {
        kafkaProperties = Map.copyOf(Objects.requireNonNull(kafkaProperties, "kafkaProperties"));
        registryProperties = Map.copyOf(Objects.requireNonNull(registryProperties, "registryProperties"));
    }

    Map<String, Object> consumerProperties() {
        Map<String, Object> properties = new TreeMap<>(kafkaProperties);
        properties.put("isolation.level", "read_committed");
        properties.put("enable.auto.commit", "false");
        properties.put("auto.offset.reset", "earliest");
        properties.putIfAbsent("max.poll.records", "5000");
        properties.putIfAbsent("fetch.max.bytes", String.valueOf(64 * 1024 * 1024));
        properties.putIfAbsent("max.partition.fetch.bytes", String.valueOf(16 * 1024 * 1024));
        properties.putIfAbsent("client.id", "sanctions-replay");
        return properties;
    }

    Map<String, Object> deserializerProperties() {
        Map<String, Object> properties = new TreeMap<>(registryProperties);
        properties.put("specific.avro.reader", "true");
        return properties;
    }
}
