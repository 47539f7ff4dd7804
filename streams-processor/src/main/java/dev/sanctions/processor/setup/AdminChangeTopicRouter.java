package dev.sanctions.processor.setup;

import dev.sanctions.core.Topics;
import dev.sanctions.processor.topology.ChangeTopicRouter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the change topic of a jurisdiction and, the first time it sees the jurisdiction, makes
 * sure the topic exists with its settings and its subject has its schema and compatibility, so
 * that the first notification of a new jurisdiction neither blocks on a missing topic nor lands
 * in a topic with the broker's default (short) retention.
 */
public final class AdminChangeTopicRouter implements ChangeTopicRouter {

    private static final Logger LOG = LoggerFactory.getLogger(AdminChangeTopicRouter.class);

    private final Topics topics;
    private final PipelineSetup setup;
    private final Map<String, String> ready = new ConcurrentHashMap<>();

    public AdminChangeTopicRouter(Topics topics, PipelineSetup setup) {
        this.topics = topics;
        this.setup = setup;
    }

    @Override
    public String topicFor(String jurisdiction) {
        return ready.computeIfAbsent(jurisdiction, this::prepare);
    }

    private String prepare(String jurisdiction) {
        SetupReport report = setup.ensureChangesTopic(jurisdiction);
        report.createdTopics().forEach(t -> LOG.info("Created change topic {} for jurisdiction {}", t, jurisdiction));
        report.differences().forEach(d -> LOG.warn("{}", d));
        return topics.changes(jurisdiction);
    }
}
