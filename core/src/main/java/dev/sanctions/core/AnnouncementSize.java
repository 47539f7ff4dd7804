package dev.sanctions.core;

import dev.sanctions.avro.Announcement;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * How large an announcement is on the announcements topic (Avro binary in the Confluent framing), and the largest
 * that {@code publish} accepts: {@value #LIMIT_BYTES} bytes (8 MiB), room for 10,000 actions of 800 bytes each,
 * and half the topic's {@code max.message.bytes} (16 MiB), so a dead letter of it, headers included, fits every
 * topic the processor writes.
 */
public final class AnnouncementSize {
    public static final int LIMIT_BYTES = 8 * 1024 * 1024;

    /** The magic byte and the 4-byte schema id in front of the Avro body. */
    private static final int FRAMING_BYTES = 5;

    private AnnouncementSize() {}

    /** The bytes of the record value that a publisher writes for {@code announcement}. */
    public static long of(Announcement announcement) {
        Counter counter = new Counter();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(counter, null);
        try {
            new SpecificDatumWriter<>(Announcement.class).write(announcement, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("counting never fails", e);
        }
        return FRAMING_BYTES + counter.bytes;
    }

    /** {@code serialized size N bytes exceeds the limit M}, or empty when the announcement is within the limit. */
    public static Optional<String> excess(Announcement announcement) {
        long size = of(announcement);
        if (size <= LIMIT_BYTES) {
            return Optional.empty();
        }
        return Optional.of("serialized size " + size + " bytes exceeds the limit " + LIMIT_BYTES
                + "; split its actions over several announcements");
    }

    private static final class Counter extends OutputStream {
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
