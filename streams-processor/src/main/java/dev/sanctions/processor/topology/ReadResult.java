package dev.sanctions.processor.topology;

import dev.sanctions.avro.Announcement;

/** An input record after decoding: the announcement, or the original bytes that did not decode. */
record ReadResult(Announcement announcement, byte[] unreadableValue) {

    static ReadResult read(Announcement announcement) {
        return new ReadResult(announcement, null);
    }

    static ReadResult unreadable(byte[] value) {
        return new ReadResult(null, value);
    }

    boolean isRead() {
        return announcement != null;
    }
}
