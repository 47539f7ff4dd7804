package dev.sanctions.producer;

import dev.sanctions.testkit.TestTopics;
import dev.sanctions.testkit.UniqueNames;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;

/** A fresh announcements topic for a publisher test: one partition, records as large as the publisher sends. */
final class AnnouncementsTopic {

    private AnnouncementsTopic() {}

    static String create(String bootstrapServers) {
        String topic = UniqueNames.of("announcements");
        TestTopics.create(
                bootstrapServers,
                List.of(new NewTopic(topic, 1, (short) 1)
                        .configs(
                                Map.of("max.message.bytes", String.valueOf(AnnouncementPublisher.MAX_REQUEST_BYTES)))));
        return topic;
    }
}
