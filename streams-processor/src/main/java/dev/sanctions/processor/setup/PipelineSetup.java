package dev.sanctions.processor.setup;

import dev.sanctions.core.Topics;
import dev.sanctions.registry.client.SchemaRegistryClient;
import dev.sanctions.registry.client.SchemaRegistryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the contract topics with their settings and registers their value schemas with their
 * compatibility levels (what {@code sanctions init} runs). Idempotent: an existing topic is left
 * as it is, and where its settings differ from the expected ones the difference is reported.
 *
 * <p>Every cluster call is bounded by the timeout ({@link #DEFAULT_TIMEOUT} unless {@link #withTimeout}); one
 * that takes longer fails with Kafka's {@link TimeoutException}, which the processor treats as an outage.
 * Registry calls are bounded by the registry client's own timeouts and retries.
 */
public final class PipelineSetup {

    /** For partitions or replication factor: whatever the broker is configured to use. */
    public static final int BROKER_DEFAULT = -1;

    /** How long one cluster call (create, describe, list) may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final SchemaRegistryClient registry;
    private final TopicLayout layout;
    private final int partitions;
    private final short replicationFactor;
    private final Duration timeout;

    /**
     * @param partitions of every topic created, or {@link #BROKER_DEFAULT}
     * @param replicationFactor of every topic created, or {@link #BROKER_DEFAULT}
     */
    public PipelineSetup(
            Admin admin, SchemaRegistryClient registry, Topics topics, int partitions, short replicationFactor) {
        this(admin, registry, new TopicLayout(topics), partitions, replicationFactor, DEFAULT_TIMEOUT);
    }

    private PipelineSetup(
            Admin admin,
            SchemaRegistryClient registry,
            TopicLayout layout,
            int partitions,
            short replicationFactor,
            Duration timeout) {
        if ((partitions < 1 && partitions != BROKER_DEFAULT)
                || (replicationFactor < 1 && replicationFactor != BROKER_DEFAULT)) {
            throw new IllegalArgumentException("partitions and replication factor must be at least 1 (or -1 for the"
                    + " broker's default), got " + partitions + " and " + replicationFactor);
        }
        this.admin = admin;
        this.registry = registry;
        this.layout = layout;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.timeout = timeout;
    }

    /** The same setup with every cluster call bounded by {@code callTimeout} instead. */
    public PipelineSetup withTimeout(Duration callTimeout) {
        return new PipelineSetup(admin, registry, layout, partitions, replicationFactor, callTimeout);
    }

    /** Sets up every topic of docs/topics.md, with change topics for the given jurisdictions (e.g. {@code JP}). */
    public SetupReport run(Collection<String> jurisdictions) {
        Progress progress = new Progress();
        layout.all(jurisdictions).forEach(spec -> ensure(spec, progress));
        return progress.report();
    }

    /** Sets up the change topic of one jurisdiction; used when a notification names a jurisdiction first seen. */
    SetupReport ensureChangesTopic(String jurisdiction) {
        Progress progress = new Progress();
        ensure(layout.changes(jurisdiction), progress);
        return progress.report();
    }

    /** The change topics of every jurisdiction that exist on the cluster now. */
    Set<String> existingChangesTopics() {
        String prefix = layout.changesPrefix();
        return await(
                        admin.listTopics(new ListTopicsOptions().timeoutMs(timeoutMillis()))
                                .names(),
                        "list topics")
                .stream()
                .filter(name -> name.startsWith(prefix))
                .collect(Collectors.toUnmodifiableSet());
    }

    private void ensure(TopicSpec spec, Progress progress) {
        if (create(spec)) {
            progress.created.add(spec.name());
        } else {
            progress.existing.add(spec.name());
            progress.differences.addAll(differences(spec));
        }
        if (spec.valueSchema() != null) {
            String subject = spec.subject();
            if (!currentCompatibility(subject).equals(Optional.of(spec.compatibility()))) {
                registry.setCompatibility(subject, spec.compatibility());
            }
            progress.schemaIds.put(subject, registry.register(subject, spec.valueSchema()));
        }
    }

    private Optional<String> currentCompatibility(String subject) {
        try {
            return Optional.ofNullable(registry.getCompatibility(subject));
        } catch (SchemaRegistryException e) {
            // A subject without its own level (or unknown to the registry) simply gets one set.
            return Optional.empty();
        }
    }

    /** True if created, false if it already existed. */
    private boolean create(TopicSpec spec) {
        NewTopic topic = new NewTopic(
                        spec.name(),
                        partitions == BROKER_DEFAULT ? Optional.empty() : Optional.of(partitions),
                        replicationFactor == BROKER_DEFAULT ? Optional.empty() : Optional.of(replicationFactor))
                .configs(spec.configs());
        try {
            await(
                    admin.createTopics(List.of(topic), new CreateTopicsOptions().timeoutMs(timeoutMillis()))
                            .all(),
                    "create topic " + spec.name());
            return true;
        } catch (KafkaException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The partition count of an existing topic, asked once when the processor starts (it checks each announcement's
     * partition against it). Bounded by the timeout like every cluster call; fails if the topic does not exist.
     */
    public int partitions(String topic) {
        try {
            return await(
                            admin.describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs(timeoutMillis()))
                                    .allTopicNames(),
                            "describe topic " + topic)
                    .get(topic)
                    .partitions()
                    .size();
        } catch (KafkaException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new KafkaException(
                        "Topic " + topic + " does not exist: create the topics with sanctions init", e.getCause());
            }
            throw e;
        }
    }

    private List<String> differences(TopicSpec spec) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
        List<String> differences = new ArrayList<>();
        String what = "describe topic " + spec.name();
        TopicDescription description = await(
                        admin.describeTopics(
                                        List.of(spec.name()), new DescribeTopicsOptions().timeoutMs(timeoutMillis()))
                                .allTopicNames(),
                        what)
                .get(spec.name());
        int actualPartitions = description.partitions().size();
        if (partitions != BROKER_DEFAULT && actualPartitions != partitions) {
            differences.add("topic " + spec.name() + " has " + actualPartitions + " partitions, " + partitions
                    + " requested (left unchanged)");
        }
        int actualReplicas = description.partitions().get(0).replicas().size();
        if (replicationFactor != BROKER_DEFAULT && actualReplicas != replicationFactor) {
            differences.add("topic " + spec.name() + " has replication factor " + actualReplicas + ", "
                    + replicationFactor + " requested (left unchanged)");
        }
        Config config = await(
                        admin.describeConfigs(
                                        List.of(resource), new DescribeConfigsOptions().timeoutMs(timeoutMillis()))
                                .all(),
                        what)
                .get(resource);
        Map<String, String> actual = new HashMap<>();
        for (ConfigEntry entry : config.entries()) {
            actual.put(entry.name(), entry.value());
        }
        spec.configs().forEach((name, expected) -> {
            if (!expected.equals(actual.get(name))) {
                differences.add("topic " + spec.name() + " has " + name + "=" + actual.get(name)
                        + ", expected " + expected + " (left unchanged; change it with kafka-configs"
                        + " if the difference is not intended)");
            }
        });
        return differences;
    }

    /**
     * The result of a cluster call, waiting at most the timeout. A failure becomes a {@link KafkaException}
     * whose cause is the call's own (e.g. {@link TopicExistsException}); running out of time, a
     * {@link TimeoutException}.
     */
    private <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException) {
                throw new TimeoutException("Could not " + what + ": " + cause.getMessage(), cause);
            }
            throw new KafkaException("Could not " + what + ": " + cause.getMessage(), cause);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new TimeoutException("Could not " + what + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while trying to " + what, e);
        }
    }

    private int timeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    private static final class Progress {
        final List<String> created = new ArrayList<>();
        final List<String> existing = new ArrayList<>();
        final List<String> differences = new ArrayList<>();
        final Map<String, Integer> schemaIds = new HashMap<>();

        SetupReport report() {
            return new SetupReport(created, existing, differences, schemaIds);
        }
    }
}
