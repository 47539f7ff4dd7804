package dev.sanctions.registry.serde;

import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Conversion;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SystemLimitException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.Decoder;
import org.apache.avro.specific.SpecificData;

/**
 * Reads records written with the generated class's own schema (the same parsing form: the same fields in the same
 * order, the same symbols and branches), which is what every record of the pipeline is: there is nothing to
 * resolve, so each value is read straight into the generated class, as Avro's fast reader would.
 *
 * <p>Why not Avro's fast reader for these too: Avro 1.12.2 guards every array block against a length the remaining
 * bytes cannot hold, and works out the element's minimum size again for every block, walking its schema with a new
 * identity set each time. A state has eight arrays, so that walk was a quarter of a snapshot's decoding. Here the
 * minimum is worked out once per array; the guard itself, and Avro's string and collection limits (in its decoder),
 * stay.
 *
 * <p>Strings that repeat field by field are shared among the records read ({@link RepeatedStrings}).
 *
 * <p>Covers records, unions, arrays, enums, strings read as {@link String}, null, boolean, int, long, float and double,
 * with the model's logical-type conversions; {@link #forSchemas} answers null for anything else, and the caller
 * keeps Avro's reader.
 */
final class SameSchemaReader<T> implements DatumReader<T> {

    private final Node root;

    private SameSchemaReader(Node root) {
        this.root = root;
    }

    /**
     * A reader for records written with {@code writer} into the generated class of {@code reader}, or null when the
     * two differ in anything but documentation, defaults and properties, or the schema holds a type not covered.
     */
    static <T> SameSchemaReader<T> forSchemas(Schema writer, Schema reader, SpecificData model) {
        if (reader.getType() != Schema.Type.RECORD
                || !SchemaNormalization.toParsingForm(writer).equals(SchemaNormalization.toParsingForm(reader))) {
            return null;
        }
        try {
            return new SameSchemaReader<>(node(reader, model, new HashSet<>()));
        } catch (Unsupported e) {
            return null;
        }
    }

    @Override
    public void setSchema(Schema schema) {
        throw new UnsupportedOperationException("the schema is fixed when the reader is made");
    }

    @Override
    @SuppressWarnings("unchecked")
    public T read(T reuse, Decoder in) throws IOException {
        return (T) root.read(in);
    }

    /** Reads one value of one schema. */
    @FunctionalInterface
    private interface Node {
        Object read(Decoder in) throws IOException;
    }

    /** A schema this reader does not cover. */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static Node node(Schema schema, SpecificData model, Set<String> enclosing) throws Unsupported {
        LogicalType logicalType = schema.getLogicalType();
        if (logicalType != null && schema.getType() != Schema.Type.INT && schema.getType() != Schema.Type.LONG) {
            throw new Unsupported();
        }
        return switch (schema.getType()) {
            case RECORD -> record(schema, model, enclosing);
            case UNION -> union(schema, model, enclosing);
            case ARRAY -> array(schema, model, enclosing);
            case ENUM -> enumeration(schema, model);
            case STRING -> {
                if (!"String".equals(schema.getProp(GenericData.STRING_PROP))) {
                    throw new Unsupported();
                }
                yield new RepeatedStrings()::read;
            }
            case NULL ->
                in -> {
                    in.readNull();
                    return null;
                };
            case BOOLEAN -> Decoder::readBoolean;
            case INT -> converted(schema, model, Decoder::readInt);
            case LONG -> converted(schema, model, Decoder::readLong);
            case FLOAT -> Decoder::readFloat;
            case DOUBLE -> Decoder::readDouble;
            default -> throw new Unsupported();
        };
    }

    private static Node converted(Schema schema, SpecificData model, Node raw) {
        LogicalType logicalType = schema.getLogicalType();
        Conversion<?> conversion = logicalType == null ? null : model.getConversionFor(logicalType);
        if (conversion == null) {
            return raw;
        }
        return in -> Conversions.convertToLogicalType(raw.read(in), schema, logicalType, conversion);
    }

    private static Node record(Schema schema, SpecificData model, Set<String> enclosing) throws Unsupported {
        if (!enclosing.add(schema.getFullName())) {
            throw new Unsupported(); // a recursive schema: none of the pipeline's is
        }
        Class<?> generated = model.getClass(schema);
        if (generated == null || !IndexedRecord.class.isAssignableFrom(generated)) {
            throw new Unsupported();
        }
        Constructor<?> constructor;
        try {
            constructor = generated.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new Unsupported();
        }
        List<Schema.Field> fields = schema.getFields();
        Node[] readers = new Node[fields.size()];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = node(fields.get(i).schema(), model, enclosing);
        }
        enclosing.remove(schema.getFullName());
        return in -> {
            IndexedRecord record = newRecord(constructor);
            for (int i = 0; i < readers.length; i++) {
                record.put(i, readers[i].read(in));
            }
            return record;
        };
    }

    private static IndexedRecord newRecord(Constructor<?> constructor) {
        try {
            return (IndexedRecord) constructor.newInstance();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new AvroRuntimeException(
                    "cannot make a " + constructor.getDeclaringClass().getName(), e);
        }
    }

    private static Node union(Schema schema, SpecificData model, Set<String> enclosing) throws Unsupported {
        List<Schema> types = schema.getTypes();
        Node[] branches = new Node[types.size()];
        for (int i = 0; i < branches.length; i++) {
            branches[i] = node(types.get(i), model, enclosing);
        }
        return in -> {
            int index = in.readIndex();
            if (index < 0 || index >= branches.length) {
                throw new AvroRuntimeException(
                        "Malformed data: union branch " + index + " of a union of " + branches.length + " types");
            }
            return branches[index].read(in);
        };
    }

    private static Node enumeration(Schema schema, SpecificData model) {
        List<String> symbols = schema.getEnumSymbols();
        Object[] values = new Object[symbols.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = model.createEnum(symbols.get(i), schema);
        }
        return in -> {
            int index = in.readEnum();
            if (index < 0 || index >= values.length) {
                throw new AvroRuntimeException("Malformed data: enum symbol " + index + " of " + values.length
                        + " symbols in " + schema.getFullName());
            }
            return values[index];
        };
    }

    private static Node array(Schema schema, SpecificData model, Set<String> enclosing) throws Unsupported {
        Schema elementSchema = schema.getElementType();
        Node element = node(elementSchema, model, enclosing);
        int minBytes = minBytes(elementSchema);
        return in -> {
            long count = in.readArrayStart();
            List<Object> list = new GenericData.Array<>(guarded(in, count, minBytes), schema);
            while (count > 0) {
                for (long i = 0; i < count; i++) {
                    list.add(element.read(in));
                }
                count = guarded(in, in.arrayNext(), minBytes);
            }
            return list;
        };
    }

    /** Avro's guard for one block: no more elements than the remaining bytes can hold, nor than its limits allow. */
    private static int guarded(Decoder in, long count, int minBytes) throws IOException {
        if (count <= 0) {
            return 0;
        }
        if (minBytes == 0) {
            return (int) SystemLimitException.checkMaxCollectionAllocation(count);
        }
        int remaining = in.remainingBytes();
        if (remaining >= 0 && count * minBytes > remaining) {
            throw new EOFException("Collection of " + count + " elements of at least " + minBytes
                    + " bytes each is longer than the " + remaining + " bytes left");
        }
        return (int) Math.min(count, Integer.MAX_VALUE);
    }

    /** The fewest bytes one value of the schema takes. */
    private static int minBytes(Schema schema) {
        return switch (schema.getType()) {
            case NULL -> 0;
            case FLOAT -> 4;
            case DOUBLE -> 8;
            case FIXED -> schema.getFixedSize();
            case RECORD -> {
                int sum = 0;
                for (Schema.Field field : schema.getFields()) {
                    sum += minBytes(field.schema());
                }
                yield sum;
            }
            // A varint, a length or a count, or a branch index: at least one byte.
            default -> 1;
        };
    }
}
