package dev.sanctions.testkit;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates topics for a test and returns once the cluster has them. */
public final class TestTopics {
    private static final long TIMEOUT_SECONDS = 30;

    private TestTopics() {}

    /** Topics with {@code partitions} partitions, one replica and default settings. */
    public static void create(String bootstrapServers, int partitions, String... topics) {
        create(
                bootstrapServers,
                Arrays.stream(topics)
                        .map(name -> new NewTopic(name, partitions, (short) 1))
                        .toList());
    }

    /** Topics as given, e.g. compacted ones: {@code new NewTopic(name, 1, (short) 1).configs(...)}. */
    public static void create(String bootstrapServers, Collection<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(topics).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + topics + " on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + topics, e);
        }
    }
}
