package dev.sanctions.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sanctions.avro.DesignationState;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads the JSON form of a state (docs/events.md), as the processor's HTTP API answers, back into a
 * {@link DesignationState}, so {@code state --format table} prints the same rows as {@code subscribe}. The walk
 * mirrors the one that wrote it: the schema decides, instants are ISO-8601 text, enums their names.
 */
final class StateJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StateJson() {}

    /** One line of JSON as a state. */
    static DesignationState read(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + Failures.describe(e), e);
        }
        return (DesignationState) value(node, DesignationState.getClassSchema(), "state");
    }

    private static Object value(JsonNode node, Schema schema, String path) {
        if (node == null || node.isNull()) {
            if (schema.getType() == Schema.Type.UNION || schema.getType() == Schema.Type.NULL) {
                return null;
            }
            throw new IllegalArgumentException(path + ": missing");
        }
        return switch (schema.getType()) {
            case UNION -> value(node, nonNull(schema), path);
            case RECORD -> record(node, schema, path);
            case ARRAY -> array(node, schema.getElementType(), path);
            case ENUM -> SpecificData.get().createEnum(node.asText(), schema);
            case STRING -> node.asText();
            case LONG -> longValue(node, schema, path);
            case INT -> node.asInt();
            case DOUBLE -> node.asDouble();
            case FLOAT -> (float) node.asDouble();
            case BOOLEAN -> node.asBoolean();
            default -> throw new IllegalArgumentException(path + ": no JSON form for Avro type " + schema.getType());
        };
    }

    private static Object record(JsonNode node, Schema schema, String path) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(path + ": expected an object");
        }
        SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
        for (Schema.Field field : schema.getFields()) {
            JsonNode fieldNode = node.get(field.name());
            if ((fieldNode == null || fieldNode.isNull()) && field.hasDefaultValue()) {
                continue; // an optional field another version of the processor did not send: left empty
            }
            record.put(field.pos(), value(fieldNode, field.schema(), path + "." + field.name()));
        }
        return record;
    }

    private static List<Object> array(JsonNode node, Schema element, String path) {
        if (!node.isArray()) {
            throw new IllegalArgumentException(path + ": expected an array");
        }
        List<Object> values = new ArrayList<>(node.size());
        Iterator<JsonNode> elements = node.elements();
        for (int i = 0; elements.hasNext(); i++) {
            values.add(value(elements.next(), element, path + "[" + i + "]"));
        }
        return values;
    }

    private static Object longValue(JsonNode node, Schema schema, String path) {
        if (schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
            try {
                return Instant.parse(node.asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(path + ": not an instant: " + node.asText(), e);
            }
        }
        return node.asLong();
    }

    private static Schema nonNull(Schema union) {
        for (Schema branch : union.getTypes()) {
            if (branch.getType() != Schema.Type.NULL) {
                return branch;
            }
        }
        throw new IllegalArgumentException("union without a non-null branch: " + union);
    }
}
