package dev.sanctions.subscriber;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.IsolationLevel;

/** The client settings a subscription derives from the bank's: the bank's own, plus what correctness needs. */
final class ClientConfigs {

    static final Duration DEFAULT_API_TIMEOUT = Duration.ofSeconds(30);
    private static final String DEFAULT_CLIENT_ID = "sanctions-subscriber";

    private final SubscriptionSettings settings;

    ClientConfigs(SubscriptionSettings settings) {
        this.settings = settings;
    }

    /**
     * The notification follower: read_committed (no notification of an aborted transaction), no automatic commits
     * (offsets are committed after the listener returned), no topic auto-creation (a subscriber must not create a
     * contract topic with broker defaults), and {@code earliest} when a committed offset has fallen out of
     * retention.
     */
    Map<String, Object> follower() {
        Map<String, Object> config = common();
        settings.groupId().ifPresent(group -> config.put(ConsumerConfig.GROUP_ID_CONFIG, group));
        return config;
    }

    /**
     * The snapshot reader: the same, in no group, fetching in bigger pieces (unless the bank set its own): it reads a
     * whole topic once, as fast as it can, where the follower reads a few notifications at a time.
     */
    Map<String, Object> snapshot() {
        Map<String, Object> config = common();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, config.get(ConsumerConfig.CLIENT_ID_CONFIG) + "-snapshot");
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        config.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        return config;
    }

    /** For end offsets by isolation level: the bank's settings an admin client understands (security, timeouts). */
    Map<String, Object> admin() {
        Map<String, Object> config = new HashMap<>(settings.kafkaProperties());
        config.keySet().retainAll(AdminClientConfig.configNames());
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, DEFAULT_CLIENT_ID + "-admin");
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) DEFAULT_API_TIMEOUT.toMillis());
        return config;
    }

    /** The value deserializer's: registry URL, the bank's registry settings, generated classes. */
    Map<String, Object> registry() {
        Map<String, Object> config = new HashMap<>(settings.registryProperties());
        config.put("schema.registry.url", settings.schemaRegistryUrl());
        config.put("specific.avro.reader", true);
        return config;
    }

    /** How long a call may wait for the cluster before the subscription fails as unreachable. */
    Duration apiTimeout() {
        Object value = settings.kafkaProperties().get(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        return value == null
                ? DEFAULT_API_TIMEOUT
                : Duration.ofMillis(Long.parseLong(value.toString().strip()));
    }

    private Map<String, Object> common() {
        Map<String, Object> config = new HashMap<>(settings.kafkaProperties());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, DEFAULT_CLIENT_ID);
        config.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) DEFAULT_API_TIMEOUT.toMillis());
        return config;
    }
}
