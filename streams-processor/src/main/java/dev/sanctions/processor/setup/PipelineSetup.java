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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the contract topics with their settings and registers their value schemas with their
 * compatibility levels (what {@code sanctions init} runs). Idempotent: an existing topic is left
 * as it is, and where its settings differ from the expected ones the difference is reported.
 */
public final class PipelineSetup {

    /** For partitions or replication factor: whatever the broker is configured to use. */
    public static final int BROKER_DEFAULT = -1;

    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final SchemaRegistryClient registry;
    private final TopicLayout layout;
    private final int partitions;
    private final short replicationFactor;

    /**
     * @param partitions of every topic created, or {@link #BROKER_DEFAULT}
     * @param replicationFactor of every topic created, or {@link #BROKER_DEFAULT}
     */
    public PipelineSetup(
            Admin admin, SchemaRegistryClient registry, Topics topics, int partitions, short replicationFactor) {
        if ((partitions < 1 && partitions != BROKER_DEFAULT)
                || (replicationFactor < 1 && replicationFactor != BROKER_DEFAULT)) {
            throw new IllegalArgumentException("partitions and replication factor must be at least 1 (or -1 for the"
                    + " broker's default), got " + partitions + " and " + replicationFactor);
        }
        this.admin = admin;
        this.registry = registry;
        this.layout = new TopicLayout(topics);
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /** Sets up every topic of SPEC section 4, with change topics for the given jurisdictions (e.g. {@code JP}). */
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
            admin.createTopics(List.of(topic)).all().get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw failure("create topic " + spec.name(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("create topic " + spec.name(), e);
        }
    }

    /**
     * The partition count of an existing topic, asked once when the processor starts (it checks each announcement's
     * partition against it). Waits at most {@link #LOOKUP_TIMEOUT}; fails if the topic does not exist.
     */
    public int partitions(String topic) {
        try {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(LOOKUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic)
                    .partitions()
                    .size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new KafkaException(
                        "Topic " + topic + " does not exist: create the topics with sanctions init", e.getCause());
            }
            throw failure("describe topic " + topic, e.getCause());
        } catch (TimeoutException e) {
            throw failure("describe topic " + topic + " within " + LOOKUP_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("describe topic " + topic, e);
        }
    }

    private List<String> differences(TopicSpec spec) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
        List<String> differences = new ArrayList<>();
        try {
            TopicDescription description = admin.describeTopics(List.of(spec.name()))
                    .allTopicNames()
                    .get()
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
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
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
        } catch (ExecutionException e) {
            throw failure("describe topic " + spec.name(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("describe topic " + spec.name(), e);
        }
        return differences;
    }

    private static KafkaException failure(String what, Throwable cause) {
        return new KafkaException("Could not " + what + ": " + cause.getMessage(), cause);
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
