package dev.sanctions.subscriber;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;

/**
 * End offsets as either isolation level sees them: {@code READ_COMMITTED} gives the last stable offset (below it
 * every transaction is decided), {@code READ_UNCOMMITTED} the high watermark (everything written so far).
 */
final class EndOffsets {

    private final Admin admin;
    private final String bootstrapServers;
    private final Duration timeout;

    EndOffsets(Admin admin, String bootstrapServers, Duration timeout) {
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    Map<TopicPartition, Long> of(Collection<TopicPartition> partitions, IsolationLevel isolation) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try {
            admin.listOffsets(request, new ListOffsetsOptions(isolation))
                    .all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((partition, info) -> offsets.put(partition, info.offset()));
        } catch (TimeoutException e) {
            throw Unreachable.kafka(bootstrapServers, timeout, "reading end offsets", e);
        } catch (ExecutionException e) {
            throw new SubscriptionException(
                    "cannot read the end offsets of " + partitions + " from Kafka at " + bootstrapServers + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        }
        return offsets;
    }
}
