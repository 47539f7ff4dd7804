package dev.sanctions.subscriber;

import dev.sanctions.registry.serde.SpecificAvroDeserializer;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Turns record values into generated Avro classes. A value that cannot be read stops the subscription, naming
 * where it is: skipping it would silently drop a sanction.
 */
final class Decoder<T extends SpecificRecord> implements AutoCloseable {

    private final Class<T> type;
    private final SpecificAvroDeserializer<T> deserializer = new SpecificAvroDeserializer<>();

    Decoder(Class<T> type, Map<String, Object> registryConfig) {
        this.type = type;
        deserializer.configure(registryConfig, false);
    }

    /** The value, or null for a tombstone. */
    T decode(ConsumerRecord<String, byte[]> record) {
        Object value;
        try {
            value = deserializer.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            throw new SubscriptionException(
                    "cannot read the record at " + position(record) + ": " + e.getMessage()
                            + " The subscription stops there rather than skip it.",
                    e);
        }
        if (value != null && !type.isInstance(value)) {
            throw new SubscriptionException("the record at " + position(record) + " holds a "
                    + value.getClass().getSimpleName() + ", not a " + type.getSimpleName()
                    + ": check the topic prefix and that only the processor writes to this topic");
        }
        return type.cast(value);
    }

    static String position(ConsumerRecord<?, ?> record) {
        return "topic " + record.topic() + ", partition " + record.partition() + ", offset " + record.offset();
    }

    @Override
    public void close() {
        deserializer.close();
    }
}
