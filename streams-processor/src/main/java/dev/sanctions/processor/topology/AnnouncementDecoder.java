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
 * that cannot be read becomes a dead-letter record with the original bytes and our own headers.
 * Only decoding is guarded: an outage (registry unreachable) or a registry that refuses the processor
 * fails the task and is retried or stops the processor, and so does any failure after decoding, so the
 * transaction aborts and an announcement is applied whole or not at all, never half and dead-lettered.
 */
final class AnnouncementDecoder implements FixedKeyProcessor<byte[], byte[], ReadResult> {

    private static final Logger LOG = LoggerFactory.getLogger(AnnouncementDecoder.class);
    /** The schema-registry framing: magic byte 0, then a 4-byte schema id, then the Avro body. */
    private static final int FRAMING_BYTES = 5;

    private final Deserializer<Announcement> deserializer;
    private final PipelineCounters counters;
    private FixedKeyProcessorContext<byte[], ReadResult> context;

    AnnouncementDecoder(Deserializer<Announcement> deserializer, PipelineCounters counters) {
        this.deserializer = deserializer;
        this.counters = counters;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], ReadResult> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        if (record.value() == null) {
            deadLetter(record, source, DeadLetterReason.NO_VALUE, "record has no value");
            return;
        }
        Object decoded;
        try {
            decoded = deserializer.deserialize(source.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            if (!Failures.isUnreadableRecord(e)) {
                throw e;
            }
            deadLetter(record, source, reason(record.value(), e), e.getClass().getName() + ": " + e.getMessage());
            return;
        }
        if (decoded instanceof Announcement announcement) {
            context.forward(record.withValue(ReadResult.read(announcement)));
        } else {
            deadLetter(
                    record,
                    source,
                    DeadLetterReason.NOT_AN_ANNOUNCEMENT,
                    "record is a " + decoded.getClass().getName() + ", not an " + Announcement.class.getName());
        }
    }

    private static DeadLetterReason reason(byte[] value, RuntimeException failure) {
        if (value.length < FRAMING_BYTES || value[0] != 0) {
            return DeadLetterReason.NOT_FRAMED;
        }
        return Failures.isUnknownSchemaId(failure) ? DeadLetterReason.UNKNOWN_SCHEMA_ID : DeadLetterReason.UNDECODABLE;
    }

    private void deadLetter(
            FixedKeyRecord<byte[], byte[]> record, RecordMetadata source, DeadLetterReason reason, String error) {
        LOG.warn(
                "Unreadable record at {}-{} offset {} goes to the dead-letter topic ({}): {}",
                source.topic(),
                source.partition(),
                source.offset(),
                reason.label(),
                error);
        counters.deadLetter(reason);
        Headers headers = new RecordHeaders(record.headers().toArray());
        header(headers, DeadLetterHeaders.ERROR, error);
        header(headers, DeadLetterHeaders.REASON, reason.label());
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
