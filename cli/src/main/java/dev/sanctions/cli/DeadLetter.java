package dev.sanctions.cli;

import dev.sanctions.processor.topology.DeadLetterHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One {@code sanctions.dlq} record as a person reads it: where it is, the error headers the processor wrote
 * (docs/topics.md), and the original value as text when it is printable UTF-8, else base64.
 *
 * @param value the value as text, or base64 when {@code base64}; null when the record has none
 */
record DeadLetter(
        String topic,
        int partition,
        long offset,
        Instant timestamp,
        String key,
        String reason,
        String sourceTopic,
        String sourcePartition,
        String sourceOffset,
        String error,
        String value,
        boolean base64) {

    static DeadLetter of(ConsumerRecord<String, byte[]> record) {
        byte[] bytes = record.value();
        String text = bytes == null ? null : printableText(bytes);
        return new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                record.key(),
                header(record, DeadLetterHeaders.REASON),
                header(record, DeadLetterHeaders.SOURCE_TOPIC),
                header(record, DeadLetterHeaders.SOURCE_PARTITION),
                header(record, DeadLetterHeaders.SOURCE_OFFSET),
                header(record, DeadLetterHeaders.ERROR),
                bytes == null ? null : text != null ? text : Base64.getEncoder().encodeToString(bytes),
                bytes != null && text == null);
    }

    /** {@code topic-partition@offset} of the record the processor could not read, or {@code -}. */
    String source() {
        if (sourceTopic == null) {
            return "-";
        }
        return sourceTopic + "-" + sourcePartition + "@" + sourceOffset;
    }

    /** The last value of a header as UTF-8 text; null when absent. */
    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The bytes as text when they are valid UTF-8 with no control character but tab and line breaks; else null. */
    private static String printableText(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        boolean printable =
                text.codePoints().allMatch(c -> c == '\t' || c == '\n' || c == '\r' || !Character.isISOControl(c));
        return printable ? text : null;
    }
}
