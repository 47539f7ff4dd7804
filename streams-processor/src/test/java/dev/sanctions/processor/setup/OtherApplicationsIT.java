package dev.sanctions.processor.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.core.Topics;
import dev.sanctions.testkit.KafkaBackendExtension;
import dev.sanctions.testkit.TestTopics;
import dev.sanctions.testkit.UniqueNames;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A processor with another application id would publish every notification again: it is found before it starts. */
class OtherApplicationsIT {

    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Admin admin;
    private Topics topics;

    @BeforeEach
    void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()));
        topics = Topics.withPrefix(UniqueNames.of("others") + ".");
        TestTopics.create(KAFKA.bootstrapServers(), 2, topics.announcements(), topics.changes());
    }

    @AfterEach
    void disconnect() {
        admin.close();
    }

    @Test
    void findsTheOtherGroupsThatCommittedOnTheAnnouncementsOnly() throws Exception {
        String first = UniqueNames.of("first-processor");
        String second = UniqueNames.of("second-processor");
        String bank = UniqueNames.of("bank");
        commit(first, topics.announcements());
        commit(bank, topics.changes());

        // The topics are this test's own: no other group of the shared broker has offsets on them.
        assertThat(OtherApplications.readingAnnouncements(admin, topics, second, TIMEOUT))
                .containsExactly(first);
    }

    @Test
    void aClusterWhereOnlyThisApplicationReadsHasNoOther() throws Exception {
        String own = UniqueNames.of("processor");
        commit(own, topics.announcements());

        assertThat(OtherApplications.readingAnnouncements(admin, topics, own, TIMEOUT))
                .isEmpty();
    }

    private void commit(String group, String topic) throws Exception {
        admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(1)))
                .all()
                .get();
    }
}
