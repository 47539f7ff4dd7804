package dev.sanctions.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.common.utils.Utils;

/**
 * Where the record of an announcement must sit: under its authority as key, in the partition that Kafka's default
 * partitioner gives that key ({@code toPositive(murmur2(key)) % partitions}, as the Java producer and librdkafka's
 * {@code murmur2_random} compute it). One authority's announcements then meet one task, whose stores keep that
 * authority's used ids and designations; a record anywhere else would be judged against another authority's
 * stores (a second "version 1" of a designation, an announcement id used twice). The processor refuses such a
 * record as {@code MISROUTED} and replay skips it, both by this one rule.
 *
 * @param partitions the partition count of the announcements topic
 */
public record AnnouncementPlacement(int partitions) {

    private static final int SHOWN_KEY_LENGTH = 100;

    public AnnouncementPlacement {
        if (partitions < 1) {
            throw new IllegalArgumentException("the announcements topic has at least 1 partition, got " + partitions);
        }
    }

    /** What is wrong with a record of {@code authority}'s announcement read from {@code partition}; empty if nothing. */
    public Optional<String> problem(byte[] key, String authority, int partition) {
        if (key == null) {
            return Optional.of("the record has no key; its key must be its authority " + authority);
        }
        if (!Arrays.equals(key, authority.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("the record's key is '" + shown(key) + "', not its authority " + authority);
        }
        int owner = partitionOf(key);
        if (partition != owner) {
            return Optional.of("the record is in partition " + partition + ", but Kafka's default partitioner puts key "
                    + authority + " in partition " + owner + " of " + partitions);
        }
        return Optional.empty();
    }

    /** Kafka's default partitioner for a record with a key (BuiltInPartitioner.partitionForKey). */
    public int partitionOf(byte[] key) {
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    private static String shown(byte[] key) {
        String text = new String(key, StandardCharsets.UTF_8);
        return text.length() <= SHOWN_KEY_LENGTH ? text : text.substring(0, SHOWN_KEY_LENGTH) + "...";
    }
}
