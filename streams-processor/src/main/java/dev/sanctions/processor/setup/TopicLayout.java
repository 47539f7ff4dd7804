package dev.sanctions.processor.setup;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.core.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The settings of every contract topic (docs/topics.md).
 *
 * <p>Every topic but the compacted state topic keeps its records forever: output records carry
 * the announcement's {@code publishedAt} as timestamp, which may be years old, so any time-based
 * retention would delete them as soon as their segment rolls.
 */
final class TopicLayout {

    static final String BACKWARD_TRANSITIVE = "BACKWARD_TRANSITIVE";
    static final String FULL_TRANSITIVE = "FULL_TRANSITIVE";

    private static final Map<String, String> KEEP_FOREVER = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG,
            "-1",
            TopicConfig.RETENTION_BYTES_CONFIG,
            "-1",
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
            Integer.toString(RecordLimits.OUTPUT_RECORD_BYTES));

    /**
     * Compacted, and cleaned soon: the log cleaner never touches the active segment, so with the broker's default
     * (a week, 1 GiB) superseded states would stay for days and every snapshot would read them.
     */
    private static final Map<String, String> COMPACTED = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.SEGMENT_MS_CONFIG,
            String.valueOf(60 * 60 * 1000),
            TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG,
            "0.1",
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
            Integer.toString(RecordLimits.OUTPUT_RECORD_BYTES));

    private final Topics topics;

    TopicLayout(Topics topics) {
        this.topics = topics;
    }

    /** Every topic, with per-jurisdiction change topics for {@code jurisdictions}, in creation order. */
    List<TopicSpec> all(Collection<String> jurisdictions) {
        List<TopicSpec> specs = new ArrayList<>();
        specs.add(announcements());
        specs.add(new TopicSpec(topics.designations(), COMPACTED, DesignationState.getClassSchema(), FULL_TRANSITIVE));
        specs.add(new TopicSpec(topics.changes(), KEEP_FOREVER, DesignationChange.getClassSchema(), FULL_TRANSITIVE));
        jurisdictions.stream().map(this::changes).forEach(specs::add);
        specs.add(new TopicSpec(topics.rejected(), KEEP_FOREVER, RejectedAction.getClassSchema(), FULL_TRANSITIVE));
        specs.add(
                new TopicSpec(topics.receipts(), KEEP_FOREVER, AnnouncementReceipt.getClassSchema(), FULL_TRANSITIVE));
        specs.add(new TopicSpec(topics.dlq(), KEEP_FOREVER, null, null));
        return specs;
    }

    TopicSpec changes(String jurisdiction) {
        return new TopicSpec(
                topics.changes(jurisdiction), KEEP_FOREVER, DesignationChange.getClassSchema(), FULL_TRANSITIVE);
    }

    /** What the name of every per-jurisdiction change topic begins with. */
    String changesPrefix() {
        return topics.changes() + ".";
    }

    private TopicSpec announcements() {
        Map<String, String> configs = new HashMap<>(KEEP_FOREVER);
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(RecordLimits.ANNOUNCEMENT_TOPIC_BYTES));
        return new TopicSpec(topics.announcements(), configs, Announcement.getClassSchema(), BACKWARD_TRANSITIVE);
    }
}
