package dev.sanctions.processor.topology;

import dev.sanctions.core.Topics;

/**
 * Names the per-jurisdiction notification topic of a change. The topology asks it once per
 * notification; an implementation that talks to the cluster (creating the topic on first use)
 * must cache, and a test passes {@link #byName(Topics)}.
 */
@FunctionalInterface
public interface ChangeTopicRouter {

    /** The topic for notifications of {@code jurisdiction} (e.g. {@code JP}); the topic exists on return. */
    String topicFor(String jurisdiction);

    /** Names only: for topologies whose per-jurisdiction topics are created by someone else. */
    static ChangeTopicRouter byName(Topics topics) {
        return topics::changes;
    }
}
