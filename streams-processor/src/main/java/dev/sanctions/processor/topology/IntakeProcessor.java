package dev.sanctions.processor.topology;

import dev.sanctions.avro.AnnouncedAction;
import dev.sanctions.avro.Announcement;
import dev.sanctions.core.Admission;
import dev.sanctions.core.DesignationKeys;
import dev.sanctions.core.Intake;
import dev.sanctions.kafka.AnnouncementPlacement;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits an announcement once per (authority, announcement id) and splits it into its actions,
 * keyed by designation key; a refused announcement becomes one {@code RejectedAction} keyed by
 * its announcement id. Outputs carry the announcement's {@code publishedAt} as timestamp (the epoch for
 * one refused as published before it) and no headers, so they depend on the announcement alone.
 *
 * <p>The seen-ids store is partitioned like the input topic, whose key is the authority: every
 * announcement of one authority meets the same store. That holds only for records placed as
 * {@link AnnouncementPlacement} says, so any other record is refused as {@code MISROUTED} before its
 * id is looked up or recorded.
 */
final class IntakeProcessor implements Processor<byte[], Announcement, String, SpecificRecord> {

    static final String SEEN_STORE = "announcements-seen";

    private static final Logger LOG = LoggerFactory.getLogger(IntakeProcessor.class);

    private final AnnouncementPlacement placement;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, Long> seen;

    IntakeProcessor(AnnouncementPlacement placement) {
        this.placement = placement;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.seen = context.getStateStore(SEEN_STORE);
    }

    @Override
    public void process(Record<byte[], Announcement> record) {
        Announcement announcement = record.value();
        // A publishedAt before 1970 is refused by Intake; its rejection is stamped at the epoch because a record
        // timestamp cannot be negative.
        long publishedAt = Math.max(0L, announcement.getPublishedAt().toEpochMilli());
        RecordMetadata source = context.recordMetadata().orElseThrow();
        Optional<String> misplaced = placement.problem(record.key(), announcement.getAuthority(), source.partition());
        if (misplaced.isPresent()) {
            LOG.warn(
                    "Announcement {} at {}-{} offset {} is rejected as MISROUTED: {}",
                    announcement.getAnnouncementId(),
                    source.topic(),
                    source.partition(),
                    source.offset(),
                    misplaced.get());
            Admission.Refused refused = Intake.refuseMisrouted(announcement, misplaced.get());
            context.forward(new Record<>(announcement.getAnnouncementId(), refused.rejection(), publishedAt));
            return;
        }
        String seenKey = announcement.getAuthority() + '\u0000' + announcement.getAnnouncementId();
        Admission admission = Intake.admit(announcement, seen.get(seenKey) != null);
        if (admission instanceof Admission.Accepted accepted) {
            seen.put(seenKey, publishedAt);
            for (AnnouncedAction action : accepted.actions()) {
                context.forward(new Record<>(routingKey(action), action, publishedAt));
            }
        } else if (admission instanceof Admission.Refused refused) {
            context.forward(new Record<>(announcement.getAnnouncementId(), refused.rejection(), publishedAt));
        } else {
            throw new IllegalStateException("Unexpected admission " + admission);
        }
    }

    /**
     * The designation key; for a target id that cannot form one, a key without '/' that no
     * designation has, so the fold meets no state and rejects the action as invalid.
     */
    static String routingKey(AnnouncedAction action) {
        return DesignationKeys.forAction(action)
                .orElseGet(() -> action.getAnnouncementId() + "#" + action.getActionIndex());
    }
}
