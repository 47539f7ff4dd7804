package dev.sanctions.registry.serde;

import dev.sanctions.registry.client.RestSchemaRegistryClient;
import dev.sanctions.registry.client.SchemaRegistryClient;
import dev.sanctions.registry.client.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.FastReaderBuilder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format into generated Avro classes. The writer schema comes from the registry by
 * the id in the record (cached); the reader schema is that of the generated class named like the writer schema,
 * so records written with older or newer schema versions resolve into today's class.
 */
public final class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private final GeneratedClassData classFinder;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    /** A deserializer that builds its registry client from the configuration passed to {@link #configure}. */
    public SpecificAvroDeserializer() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        this.classFinder =
                new GeneratedClassData(context != null ? context : SpecificAvroDeserializer.class.getClassLoader());
    }

    /** A deserializer using {@code client}, which stays the caller's to close. */
    public SpecificAvroDeserializer(SchemaRegistryClient client) {
        this();
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (!new AvroSerdeConfig(configs).getBoolean(AvroSerdeConfig.SPECIFIC_AVRO_READER)) {
            throw new ConfigException(
                    AvroSerdeConfig.SPECIFIC_AVRO_READER,
                    false,
                    "SpecificAvroDeserializer always reads generated classes; remove the setting or set it to true");
        }
        if (client == null) {
            client = RestSchemaRegistryClient.fromConfig(configs);
            ownsClient = true;
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < WireFormat.HEADER_SIZE) {
            throw new SerializationException("Record from topic '" + topic + "' is " + data.length
                    + " bytes long, too short for the schema-registry framing (byte 0, 4-byte schema id, Avro body)."
                    + " Check that its producer uses a schema-registry Avro serializer.");
        }
        if (data[0] != WireFormat.MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "Record from topic '%s' starts with byte 0x%02x, not the "
                            + "schema-registry magic byte 0x00. Check that its producer uses a schema-registry Avro "
                            + "serializer (not plain Avro, JSON or strings).",
                    topic, data[0] & 0xff));
        }
        if (client == null) {
            throw new SerializationException("SpecificAvroDeserializer is not configured: call configure() with "
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " or construct it with a SchemaRegistryClient");
        }
        int id = WireFormat.schemaId(data);
        DatumReader<T> reader = readers.get(id);
        if (reader == null) {
            reader = readers.computeIfAbsent(id, i -> readerFor(i, topic));
        }
        try {
            return reader.read(
                    null,
                    DecoderFactory.get()
                            .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null));
        } catch (IOException
                | AvroRuntimeException
                | IndexOutOfBoundsException
                | ClassCastException
                | NegativeArraySizeException e) {
            throw new SerializationException(
                    "Cannot decode the Avro body of a record from topic '" + topic + "' with schema id " + id + ": " + e
                            + ". Check that its producer wrote it with that schema.",
                    e);
        }
    }

    private DatumReader<T> readerFor(int id, String topic) {
        Schema writer;
        try {
            writer = client.getById(id);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == 40403) {
                throw new SerializationException(
                        "Record from topic '" + topic + "' names schema id " + id
                                + ", which the " + client + " does not know. Check that consumers use the same "
                                + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " as the producer of '" + topic + "'.",
                        e);
            }
            throw new SerializationException(
                    "Cannot fetch schema id " + id + " for a record from topic '" + topic + "': " + e.getMessage(), e);
        }
        if (writer.getType() != Schema.Type.RECORD) {
            throw new SerializationException("Schema id " + id + " of a record from topic '" + topic + "' is a "
                    + writer.getType() + ", not a record; SpecificAvroDeserializer reads generated record classes.");
        }
        Class<?> generated = classFinder.generatedClass(writer);
        if (generated == null) {
            throw new SerializationException("Schema id " + id + " of a record from topic '" + topic
                    + "' is the record " + writer.getFullName() + ", but no generated Avro class of that name is on "
                    + "the classpath. Add the jar with the generated classes (e.g. sanctions-schemas).");
        }
        GeneratedClassData model = new GeneratedClassData(generated);
        Schema readerSchema = model.getSchema(generated);
        // A record written with the class's own schema, as all of the pipeline's are, needs no resolving at all.
        SameSchemaReader<T> same = SameSchemaReader.forSchemas(writer, readerSchema, model);
        if (same != null) {
            return same;
        }
        // Otherwise Avro's fast reader resolves the two schemas once, into a tree of field readers, instead of
        // interpreting the resolving grammar for every record: about twice as fast here. GenericData only switches
        // it on for its own two classes, not for a subclass like this model, so it is built directly; it keeps
        // Avro's collection-size limits.
        try {
            return new FastReaderBuilder(model).createDatumReader(writer, readerSchema);
        } catch (IOException | AvroRuntimeException e) {
            throw new SerializationException(
                    "Schema id " + id + " of a record from topic '" + topic + "' cannot be read into "
                            + generated.getName() + ": " + e + ". Check that the schema is compatible with it.",
                    e);
        }
    }

    @Override
    public void close() {
        readers.clear();
        if (ownsClient) {
            client.close();
        }
    }
}
