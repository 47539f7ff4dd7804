package dev.sanctions.registry.serde;

import dev.sanctions.registry.client.RegisteredSchema;
import dev.sanctions.registry.client.RestSchemaRegistryClient;
import dev.sanctions.registry.client.SchemaRegistryClient;
import dev.sanctions.registry.client.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in the Confluent wire format: byte 0, the schema id (4 bytes, big-endian),
 * the Avro binary body. The subject is {@code <topic>-value} (or {@code <topic>-key}). A null record is null bytes.
 */
public final class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    /** Above this size a thread's output buffer is dropped after use rather than kept for the next record. */
    private static final int MAX_RETAINED_BUFFER = 1 << 20;

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private boolean isKey;
    private boolean autoRegister = true;
    private boolean useLatestVersion;
    private final Map<WriterKey, Writer<T>> writers = new ConcurrentHashMap<>();
    private final ThreadLocal<Output> outputs = ThreadLocal.withInitial(Output::new);

    /** A serializer that builds its registry client from the configuration passed to {@link #configure}. */
    public SpecificAvroSerializer() {}

    /** A serializer using {@code client}, which stays the caller's to close. */
    public SpecificAvroSerializer(SchemaRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        this.autoRegister = config.getBoolean(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS);
        this.useLatestVersion = config.getBoolean(AvroSerdeConfig.USE_LATEST_VERSION);
        if (client == null) {
            client = RestSchemaRegistryClient.fromConfig(configs);
            ownsClient = true;
        }
        writers.clear();
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (client == null) {
            throw new SerializationException("SpecificAvroSerializer is not configured: call configure() with "
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " or construct it with a SchemaRegistryClient");
        }
        Schema schema = record.getSchema();
        WriterKey key = new WriterKey(topic, schema);
        Writer<T> writer = writers.get(key);
        if (writer == null) {
            writer = writers.computeIfAbsent(key, k -> writerFor(k, record));
        }
        return frame(topic, writer, record);
    }

    private Writer<T> writerFor(WriterKey key, T record) {
        String subject = WireFormat.subject(key.topic(), isKey);
        try {
            if (autoRegister) {
                return new Writer<>(client.register(subject, key.schema()), datumWriter(key.schema(), record));
            }
            if (useLatestVersion) {
                RegisteredSchema latest = client.getLatest(subject);
                return new Writer<>(latest.id(), datumWriter(latest.schema(), record));
            }
            return new Writer<>(client.getId(subject, key.schema()), datumWriter(key.schema(), record));
        } catch (SchemaRegistryException e) {
            throw new SerializationException(
                    "Cannot get a schema id for " + key.schema().getFullName() + " on topic '" + key.topic()
                            + "' (subject '" + subject + "'): " + e.getMessage(),
                    e);
        }
    }

    private DatumWriter<T> datumWriter(Schema writerSchema, T record) {
        return new SpecificDatumWriter<>(writerSchema, SpecificData.getForClass(record.getClass()));
    }

    private byte[] frame(String topic, Writer<T> writer, T record) {
        Output output = outputs.get();
        ByteArrayOutputStream bytes = output.bytes;
        bytes.reset();
        bytes.write(WireFormat.MAGIC_BYTE);
        int id = writer.schemaId();
        bytes.write(id >>> 24);
        bytes.write(id >>> 16);
        bytes.write(id >>> 8);
        bytes.write(id);
        try {
            output.encoder = EncoderFactory.get().binaryEncoder(bytes, output.encoder);
            writer.datumWriter().write(record, output.encoder);
            output.encoder.flush();
            return bytes.toByteArray();
        } catch (IOException | AvroRuntimeException | NullPointerException | ClassCastException e) {
            output.encoder = null;
            throw new SerializationException(
                    "Cannot serialize " + record.getClass().getName() + " for topic '"
                            + topic + "' with schema id " + id + ": " + e.getMessage()
                            + ". Check that every required field is set and matches the schema.",
                    e);
        } finally {
            if (bytes.size() > MAX_RETAINED_BUFFER) {
                outputs.remove();
            }
        }
    }

    @Override
    public void close() {
        writers.clear();
        if (ownsClient) {
            client.close();
        }
    }

    private record WriterKey(String topic, Schema schema) {}

    private record Writer<T>(int schemaId, DatumWriter<T> datumWriter) {}

    /** Per-thread reusable buffer and encoder: a producer's or stream thread's hot path allocates only the result. */
    private static final class Output {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        BinaryEncoder encoder;
    }
}
