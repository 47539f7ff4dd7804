package dev.sanctions.processor.topology;

import dev.sanctions.avro.Announcement;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes announcement bytes inside the topology rather than in the source node, so that a record
 * that cannot be read becomes a dead-letter record with the original bytes and our own headers,
 * while an unreachable registry (a transient failure) fails the task and is retried instead of
 * sending good records to the dead-letter topic.
 */
final class AnnouncementDecoder implements FixedKeyProcessor<byte[], byte[], ReadResult> {

    private static final Logger LOG = LoggerFactory.getLogger(AnnouncementDecoder.class);

    private final Deserializer<Announcement> deserializer;
    private FixedKeyProcessorContext<byte[], ReadResult> context;

    AnnouncementDecoder(Deserializer<Announcement> deserializer) {
        this.deserializer = deserializer;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], ReadResult> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        String error;
        try {
            Announcement announcement = record.value() == null
                    ? null
                    : deserializer.deserialize(source.topic(), record.headers(), record.value());
            if (announcement != null) {
                context.forward(record.withValue(ReadResult.read(announcement)));
                return;
            }
            error = "record has no value";
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            error = e.getClass().getName() + ": " + e.getMessage();
        }
        LOG.warn(
                "Unreadable record at {}-{} offset {} goes to the dead-letter topic: {}",
                source.topic(),
                source.partition(),
                source.offset(),
                error);
        Headers headers = new RecordHeaders(record.headers().toArray());
        header(headers, DeadLetterHeaders.ERROR, error);
        header(headers, DeadLetterHeaders.SOURCE_TOPIC, source.topic());
        header(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(source.partition()));
        header(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(source.offset()));
        context.forward(record.withValue(ReadResult.unreadable(record.value())).withHeaders(headers));
    }

    private static void header(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
