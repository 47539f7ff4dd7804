package dev.sanctions.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * The JSON form of states and notifications (docs/events.md), the one every tool prints: Avro field
 * names in schema order, instants as ISO-8601 UTC with {@code Z}, enums as strings, absent values as
 * {@code null}. One line, no insignificant whitespace, so equal records give equal text. The walk over
 * the record is ours (the schema decides the form); the writing, escaping included, is Jackson's.
 */
public final class JsonForm {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonForm() {}

    /** One record as one line of JSON. */
    public static String of(IndexedRecord record) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            write(json, record, record.getSchema());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + record.getSchema().getName() + " as JSON", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, Object value, Schema schema) throws IOException {
        if (value == null) {
            json.writeNull();
            return;
        }
        switch (schema.getType()) {
            case UNION -> write(json, value, branchOf(schema));
            case RECORD -> writeRecord(json, (IndexedRecord) value);
            case ARRAY -> writeArray(json, (Collection<?>) value, schema.getElementType());
            case ENUM ->
                json.writeString(
                        value instanceof GenericEnumSymbol<?> symbol ? symbol.toString() : ((Enum<?>) value).name());
            case STRING -> json.writeString(value.toString());
            case LONG -> writeLong(json, value, schema);
            case INT -> json.writeNumber((Integer) value);
            case FLOAT -> json.writeNumber((Float) value);
            case DOUBLE -> json.writeNumber((Double) value);
            case BOOLEAN -> json.writeBoolean((Boolean) value);
            case NULL -> json.writeNull();
            default -> throw new IllegalArgumentException("no JSON form for Avro type " + schema.getType());
        }
    }

    private static void writeRecord(JsonGenerator json, IndexedRecord record) throws IOException {
        json.writeStartObject();
        List<Schema.Field> fields = record.getSchema().getFields();
        for (Schema.Field field : fields) {
            json.writeFieldName(field.name());
            write(json, record.get(field.pos()), field.schema());
        }
        json.writeEndObject();
    }

    private static void writeArray(JsonGenerator json, Collection<?> values, Schema elementSchema) throws IOException {
        json.writeStartArray();
        for (Object element : values) {
            write(json, element, elementSchema);
        }
        json.writeEndArray();
    }

    private static void writeLong(JsonGenerator json, Object value, Schema schema) throws IOException {
        if (value instanceof Instant instant) {
            json.writeString(instant.toString());
        } else if (schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
            json.writeString(Instant.ofEpochMilli((Long) value).toString());
        } else {
            json.writeNumber((Long) value);
        }
    }

    /** Our unions are all ["null", T] and null is written before this: a value takes the non-null branch. */
    private static Schema branchOf(Schema union) {
        for (Schema branch : union.getTypes()) {
            if (branch.getType() != Schema.Type.NULL) {
                return branch;
            }
        }
        throw new IllegalArgumentException("union without a non-null branch: " + union);
    }
}
