package dev.sanctions.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sanctions.registry.server.StoreRecord.CompatibilitySet;
import dev.sanctions.registry.server.StoreRecord.SchemaVersion;
import java.io.IOException;
import java.util.Optional;

/**
 * Log records as Confluent's registry writes its {@code _schemas} topic: JSON keys
 * {@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}} and {@code {"keytype":"CONFIG","subject":..,"magic":0}},
 * JSON values. Compaction keeps the last value per key, which is all a replay needs.
 * Field order is fixed, so equal records are equal bytes.
 */
final class StoreRecordCodec {

    /** A key and value ready for the topic. */
    record Encoded(byte[] key, byte[] value) {}

    private final ObjectMapper json = new ObjectMapper();

    Encoded encode(StoreRecord record) {
        ObjectNode key = json.createObjectNode();
        ObjectNode value = json.createObjectNode();
        if (record instanceof SchemaVersion version) {
            key.put("keytype", "SCHEMA")
                    .put("subject", version.subject())
                    .put("version", version.version())
                    .put("magic", 1);
            value.put("subject", version.subject())
                    .put("version", version.version())
                    .put("id", version.id())
                    .put("schema", version.schema())
                    .put("deleted", false);
        } else if (record instanceof CompatibilitySet set) {
            key.put("keytype", "CONFIG").put("subject", set.subject()).put("magic", 0);
            value.put("compatibilityLevel", set.level().name());
        } else {
            throw new IllegalArgumentException("Unknown store record " + record);
        }
        try {
            return new Encoded(json.writeValueAsBytes(key), json.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + record, e);
        }
    }

    /**
     * Reads one topic record. Empty for what this registry does not act on: other key types (Confluent's NOOP,
     * MODE, ...), tombstones and soft-deleted versions.
     *
     * @throws SchemaStoreException when the record is not the registry's JSON
     */
    Optional<StoreRecord> decode(byte[] keyBytes, byte[] valueBytes) {
        if (keyBytes == null || valueBytes == null) {
            return Optional.empty();
        }
        try {
            JsonNode key = json.readTree(keyBytes);
            JsonNode value = json.readTree(valueBytes);
            String subject = key.path("subject").isNull() || key.path("subject").isMissingNode()
                    ? null
                    : key.path("subject").asText();
            switch (key.path("keytype").asText("")) {
                case "SCHEMA" -> {
                    if (value.path("deleted").asBoolean(false)) {
                        return Optional.empty();
                    }
                    return Optional.of(new SchemaVersion(
                            value.path("subject").asText(subject),
                            value.path("version").asInt(key.path("version").asInt()),
                            value.path("id").asInt(),
                            value.path("schema").asText()));
                }
                case "CONFIG" -> {
                    String level = value.path("compatibilityLevel").asText(null);
                    return CompatibilityLevel.parse(level).map(l -> new CompatibilitySet(subject, l));
                }
                default -> {
                    return Optional.empty();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new SchemaStoreException(
                    "A record of the schema topic is not a schema registry record (" + e.getMessage()
                            + "). Check that the topic is used only by the schema registry.",
                    e);
        }
    }
}
