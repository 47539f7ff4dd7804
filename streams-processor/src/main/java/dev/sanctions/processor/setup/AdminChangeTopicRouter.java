package dev.sanctions.processor.setup;

import dev.sanctions.core.Topics;
import dev.sanctions.processor.topology.ChangeTopicRouter;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the change topic of a jurisdiction and, the first time it sees a jurisdiction whose topic did not
 * exist at start, makes sure the topic exists with its settings and its subject has its schema and
 * compatibility, so that the first notification of a new jurisdiction neither blocks on a missing topic nor
 * lands in a topic with the broker's default (short) retention.
 *
 * <p>That work runs on a stream thread inside a transaction, so it is kept off the hot path where it can be:
 * the topics that exist at start ({@link #learnExistingTopics()}) need none, and for a new one every cluster
 * call is bounded by {@link #ON_DEMAND_TIMEOUT}, well inside Kafka Streams' transaction timeout (10 s). A call
 * that fails or times out fails the task, which is retried (an outage) or stops the processor.
 */
public final class AdminChangeTopicRouter implements ChangeTopicRouter {

    private static final Logger LOG = LoggerFactory.getLogger(AdminChangeTopicRouter.class);
    /** How long one cluster call of the on-demand setup may take. */
    static final Duration ON_DEMAND_TIMEOUT = Duration.ofSeconds(5);

    private final Topics topics;
    private final PipelineSetup setup;
    /** Topic names, not jurisdictions: {@code jp} and {@code JP} share one topic. */
    private final Set<String> ready = ConcurrentHashMap.newKeySet();

    public AdminChangeTopicRouter(Topics topics, PipelineSetup setup) {
        this.topics = topics;
        this.setup = setup.withTimeout(ON_DEMAND_TIMEOUT);
    }

    /**
     * Takes every change topic that exists now as ready ({@code init} or an earlier first use set it up), so
     * their notifications need no cluster call. Call it before processing starts; if the cluster does not
     * answer, each topic is checked on its first notification instead.
     */
    public void learnExistingTopics() {
        try {
            Set<String> existing = setup.existingChangesTopics();
            ready.addAll(existing);
            LOG.info("{} change topics exist: {}", existing.size(), existing);
        } catch (KafkaException e) {
            LOG.warn(
                    "Could not list the change topics ({}); each is checked on its first notification instead",
                    e.getMessage());
        }
    }

    @Override
    public String topicFor(String jurisdiction) {
        String topic = topics.changes(jurisdiction);
        // Not computeIfAbsent: the map would hold its lock over cluster calls. Two threads meeting a new
        // jurisdiction at once both set it up, which is idempotent.
        if (!ready.contains(topic)) {
            SetupReport report = setup.ensureChangesTopic(jurisdiction);
            report.createdTopics()
                    .forEach(t -> LOG.info("Created change topic {} for jurisdiction {}", t, jurisdiction));
            report.differences().forEach(d -> LOG.warn("{}", d));
            ready.add(topic);
        }
        return topic;
    }
}
