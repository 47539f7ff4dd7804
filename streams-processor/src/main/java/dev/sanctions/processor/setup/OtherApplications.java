package dev.sanctions.processor.setup;

import dev.sanctions.core.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Finds the consumer groups other than the processor's own that have committed offsets on the announcements
 * topic. A Kafka Streams application's group is its {@code application.id}, so such a group is most likely
 * another processor: starting one more with a different id would fold the whole log again and publish every
 * notification a second time. Groups this client may not describe are not seen.
 */
public final class OtherApplications {

    private OtherApplications() {}

    /**
     * The ids of the other groups with offsets on {@code topics.announcements()}, sorted.
     *
     * @throws TimeoutException when the cluster does not answer within {@code timeout}
     * @throws ExecutionException when it refuses to list the groups
     */
    public static List<String> readingAnnouncements(Admin admin, Topics topics, String applicationId, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> others = new ArrayList<>();
        for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups())
                .all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            if (!group.groupId().equals(applicationId)) {
                others.add(group.groupId());
            }
        }
        if (others.isEmpty()) {
            return List.of();
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        others.forEach(group -> specs.put(group, new ListConsumerGroupOffsetsSpec()));
        ListConsumerGroupOffsetsResult offsets = admin.listConsumerGroupOffsets(specs);
        Set<String> reading = new TreeSet<>();
        for (String group : others) {
            Map<TopicPartition, OffsetAndMetadata> committed;
            try {
                committed = offsets.partitionsToOffsetAndMetadata(group)
                        .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupAuthorizationException
                        || e.getCause() instanceof GroupIdNotFoundException) {
                    continue; // not ours to see, or gone since the listing
                }
                throw e;
            }
            boolean onAnnouncements = committed.entrySet().stream()
                    .anyMatch(
                            entry -> entry.getKey().topic().equals(topics.announcements()) && entry.getValue() != null);
            if (onAnnouncements) {
                reading.add(group);
            }
        }
        return List.copyOf(reading);
    }
}
