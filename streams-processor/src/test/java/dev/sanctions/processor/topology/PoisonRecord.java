package dev.sanctions.processor.topology;

import static dev.sanctions.processor.topology.TestAnnouncements.T1;
import static dev.sanctions.processor.topology.TestAnnouncements.announcement;
import static dev.sanctions.processor.topology.TestAnnouncements.designate;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.MeasureType;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Serializer;

/** Values on the announcements topic that cannot be read, each with the dead-letter reason it must get. */
public enum PoisonRecord {
    /** A valid announcement cut in half: Avro runs out of bytes (EOFException). */
    TRUNCATED_BODY(DeadLetterReason.UNDECODABLE),
    /** An announcement whose actions array claims 2,000,000,000 items and holds none. */
    ARRAY_OF_TWO_BILLION_ITEMS(DeadLetterReason.UNDECODABLE),
    /** Framed, but with a schema id the registry never issued. */
    UNKNOWN_SCHEMA_ID(DeadLetterReason.UNKNOWN_SCHEMA_ID),
    /** A valid announcement whose first byte is 1 instead of the magic byte 0. */
    WRONG_MAGIC_BYTE(DeadLetterReason.NOT_FRAMED),
    /** A tombstone. */
    NULL_VALUE(DeadLetterReason.NO_VALUE);

    private final DeadLetterReason reason;

    PoisonRecord(DeadLetterReason reason) {
        this.reason = reason;
    }

    public DeadLetterReason reason() {
        return reason;
    }

    /** The value, made with {@code serializer} (on the registry the processor reads with) for {@code topic}. */
    public byte[] value(Serializer<Announcement> serializer, String topic) {
        return switch (this) {
            case TRUNCATED_BODY -> {
                byte[] valid = serializer.serialize(
                        topic, announcement("p1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));
                yield Arrays.copyOf(valid, valid.length / 2);
            }
            case ARRAY_OF_TWO_BILLION_ITEMS -> {
                // Actions is the last field: an empty array is its final byte 0 (end of blocks). Put a count there.
                byte[] noActions = serializer.serialize(topic, announcement("p1", T1));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                bytes.write(noActions, 0, noActions.length - 1);
                writeAvroLong(bytes, 2_000_000_000L);
                yield bytes.toByteArray();
            }
            case UNKNOWN_SCHEMA_ID -> new byte[] {0x00, 0x00, 0x7f, 0x7f, 0x7f, 0x02, 0x04};
            case WRONG_MAGIC_BYTE -> {
                byte[] valid = serializer.serialize(
                        topic, announcement("p1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));
                valid[0] = 1;
                yield valid;
            }
            case NULL_VALUE -> null;
        };
    }

    /** Avro's long: zig-zag, then 7 bits a byte, low bits first. */
    private static void writeAvroLong(ByteArrayOutputStream out, long value) {
        long zigZag = (value << 1) ^ (value >> 63);
        while ((zigZag & ~0x7FL) != 0) {
            out.write((int) ((zigZag & 0x7F) | 0x80));
            zigZag >>>= 7;
        }
        out.write((int) zigZag);
    }
}
