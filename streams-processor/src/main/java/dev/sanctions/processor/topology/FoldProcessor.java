package dev.sanctions.processor.topology;

import dev.sanctions.avro.AnnouncedAction;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.core.Fold;
import dev.sanctions.core.Outcome;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies one action to its designation's current state (the fold of {@code core}), keeps the
 * new state and its version in history, and forwards the notification ({@code DesignationChange},
 * keyed by designation key) or the rejection ({@code RejectedAction}, keyed by announcement id).
 * Its input is keyed by designation key but never repartitioned: it stays partitioned like the
 * announcements, by authority, and every designation key begins with its authority, so all the
 * actions on one key reach this task in log order.
 */
final class FoldProcessor implements Processor<String, AnnouncedAction, String, SpecificRecord> {

    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, DesignationState> current;
    private KeyValueStore<String, DesignationState> history;

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.current = context.getStateStore(DesignationStores.CURRENT);
        this.history = context.getStateStore(DesignationStores.HISTORY);
    }

    @Override
    public void process(Record<String, AnnouncedAction> record) {
        String key = record.key();
        long publishedAt = record.value().getPublishedAt().toEpochMilli();
        Outcome outcome = Fold.apply(current.get(key), record.value());
        if (outcome instanceof Outcome.Changed changed) {
            DesignationState after = changed.after();
            current.put(key, after);
            history.put(DesignationStores.historyKey(key, after.getVersion()), after);
            context.forward(new Record<>(key, changed.change(), publishedAt));
        } else if (outcome instanceof Outcome.Rejected rejected) {
            context.forward(new Record<>(rejected.rejection().getAnnouncementId(), rejected.rejection(), publishedAt));
        } else if (!(outcome instanceof Outcome.Unchanged)) {
            throw new IllegalStateException("Unexpected outcome " + outcome);
        }
    }
}
