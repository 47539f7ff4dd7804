package dev.sanctions.processor.topology;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A value serde that encodes one record once for every topic it goes to. One changed state goes to the current
 * state store, the history store and the designations topic, one notification to the all-jurisdictions topic and
 * its jurisdiction's: each was Avro-encoded again for each. The serializer keeps, per thread, the last record it
 * encoded (by identity) and its bytes, and hands the same bytes out when that very record is written to another
 * topic whose schema id (bytes 1 to 4 of the Confluent framing) is the same; the first record of each topic is
 * always encoded, so every subject is still registered and its id known. Records are never modified after they
 * are forwarded, so the bytes are the ones a fresh encoding would give.
 */
final class EncodeOnceSerde<T> implements Serde<T> {

    private final Serde<T> inner;
    private final EncodeOnce<T> serializer;

    EncodeOnceSerde(Serde<T> inner) {
        this.inner = inner;
        this.serializer = new EncodeOnce<>(inner.serializer());
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return inner.deserializer();
    }

    @Override
    public void close() {
        inner.close();
    }

    /** The serializer: see the class comment. */
    static final class EncodeOnce<T> implements Serializer<T> {
        private static final int NO_ID = -1;

        private final Serializer<T> inner;
        private final Map<String, Integer> schemaIds = new ConcurrentHashMap<>();
        private final ThreadLocal<Encoded> last = new ThreadLocal<>();

        private record Encoded(Object record, byte[] bytes, int schemaId) {}

        EncodeOnce(Serializer<T> inner) {
            this.inner = inner;
        }

        @Override
        public byte[] serialize(String topic, T record) {
            if (record == null) {
                return null;
            }
            Encoded encoded = last.get();
            if (encoded != null && encoded.record() == record && encoded.schemaId() != NO_ID) {
                Integer id = schemaIds.get(topic);
                if (id != null && id == encoded.schemaId()) {
                    return encoded.bytes();
                }
            }
            byte[] bytes = inner.serialize(topic, record);
            int id = schemaIdOf(bytes);
            schemaIds.put(topic, id);
            last.set(new Encoded(record, bytes, id));
            return bytes;
        }

        @Override
        public void close() {
            inner.close();
        }

        private static int schemaIdOf(byte[] bytes) {
            if (bytes == null || bytes.length < 5) {
                return NO_ID;
            }
            return (bytes[1] & 0xff) << 24 | (bytes[2] & 0xff) << 16 | (bytes[3] & 0xff) << 8 | (bytes[4] & 0xff);
        }
    }
}
