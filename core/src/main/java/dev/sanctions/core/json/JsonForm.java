package dev.sanctions.core.json;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * The JSON form of states and notifications (SPEC section 5), the one every tool prints: Avro field
 * names in schema order, instants as ISO-8601 UTC with {@code Z}, enums as strings, absent values as
 * {@code null}. One line, no insignificant whitespace, so equal records give equal text.
 */
public final class JsonForm {

  private JsonForm() {}

  /** One record as one line of JSON. */
  public static String of(IndexedRecord record) {
    StringBuilder out = new StringBuilder(512);
    write(out, record, record.getSchema());
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, Schema schema) {
    if (value == null) {
      out.append("null");
      return;
    }
    switch (schema.getType()) {
      case UNION -> write(out, value, branchOf(value, schema));
      case RECORD -> writeRecord(out, (IndexedRecord) value);
      case ARRAY -> writeArray(out, (Collection<?>) value, schema.getElementType());
      case ENUM -> quote(out, value instanceof GenericEnumSymbol<?> symbol ? symbol.toString() : ((Enum<?>) value).name());
      case STRING -> quote(out, value.toString());
      case LONG -> writeLong(out, value, schema);
      case INT, FLOAT, DOUBLE, BOOLEAN -> out.append(value);
      case NULL -> out.append("null");
      default -> throw new IllegalArgumentException("no JSON form for Avro type " + schema.getType());
    }
  }

  private static void writeRecord(StringBuilder out, IndexedRecord record) {
    out.append('{');
    List<Schema.Field> fields = record.getSchema().getFields();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Schema.Field field = fields.get(i);
      quote(out, field.name());
      out.append(':');
      write(out, record.get(field.pos()), field.schema());
    }
    out.append('}');
  }

  private static void writeArray(StringBuilder out, Collection<?> values, Schema elementSchema) {
    out.append('[');
    boolean first = true;
    for (Object element : values) {
      if (!first) {
        out.append(',');
      }
      first = false;
      write(out, element, elementSchema);
    }
    out.append(']');
  }

  private static void writeLong(StringBuilder out, Object value, Schema schema) {
    if (value instanceof Instant instant) {
      quote(out, instant.toString());
    } else if (schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
      quote(out, Instant.ofEpochMilli((Long) value).toString());
    } else {
      out.append(value);
    }
  }

  /** Our unions are all ["null", T]: a non-null value takes the non-null branch. */
  private static Schema branchOf(Object value, Schema union) {
    for (Schema branch : union.getTypes()) {
      if (branch.getType() != Schema.Type.NULL) {
        return branch;
      }
    }
    throw new IllegalArgumentException("union without a non-null branch: " + union);
  }

  private static void quote(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
