package dev.sanctions.subscriber;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Which of the wanted topics exist. A jurisdiction's topic appears with its first notification, so a missing
 * one is waited for rather than treated as an error.
 */
final class TopicWatch {

    private final Set<String> missing;

    TopicWatch(List<String> wanted) {
        this.missing = new LinkedHashSet<>(wanted);
    }

    /** The missing topics that exist now, with their partitions; they are no longer missing afterwards. */
    Map<String, List<TopicPartition>> appeared(Consumer<?, ?> consumer, Duration timeout) {
        Map<String, List<TopicPartition>> found = new LinkedHashMap<>();
        for (String topic : missing) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            if (!partitions.isEmpty()) {
                found.put(
                        topic,
                        partitions.stream()
                                .map(p -> new TopicPartition(topic, p.partition()))
                                .toList());
            }
        }
        missing.removeAll(found.keySet());
        return found;
    }

    Set<String> missing() {
        return Set.copyOf(missing);
    }
}
