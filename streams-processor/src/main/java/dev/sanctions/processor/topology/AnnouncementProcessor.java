package dev.sanctions.processor.topology;

import dev.sanctions.avro.AnnouncedAction;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.avro.Snapshot;
import dev.sanctions.core.Admission;
import dev.sanctions.core.DesignationKeys;
import dev.sanctions.core.Fold;
import dev.sanctions.core.Intake;
import dev.sanctions.core.Outcome;
import dev.sanctions.core.ReceiptTally;
import dev.sanctions.core.SnapshotAssembly;
import dev.sanctions.core.SnapshotCursor;
import dev.sanctions.core.SnapshotRun;
import dev.sanctions.kafka.AnnouncementPlacement;
import java.time.Duration;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fold of {@code core} over the task's stores: admits an announcement once per (authority, announcement id),
 * applies its actions in order and forwards, in order, every notification ({@code DesignationChange}, keyed by
 * designation key), every rejection ({@code RejectedAction}, keyed by announcement id) and finally its receipt
 * ({@code AnnouncementReceipt}, keyed by announcement id). Outputs carry the announcement's {@code publishedAt} as
 * timestamp (the epoch for one refused as published before it) and no headers, so they depend on the log alone.
 *
 * <p>The stores are partitioned like the input topic, whose key is the authority: every announcement of one
 * authority, and every designation it can touch, meets this task. That holds only for records placed as {@link
 * AnnouncementPlacement} says, so any other record is refused as {@code MISROUTED} before its id is looked up.
 *
 * <p>Snapshots ({@link SnapshotStores}): parts are buffered in a store until the last one is in; the complete
 * snapshot becomes the task's job, applied by {@link SnapshotRun} at most {@code stepBudget} entries or keys per
 * step; a punctuation takes steps for up to {@code stepTime}, so a transaction stays bounded and a crash resumes from
 * the last committed step, while a large list is applied without waiting for the next punctuation every few
 * thousand entries. While a job is open every announcement the task reads waits in the queue store and is applied after it,
 * in arrival order, so nothing else touches the designations between the first and the last change of a
 * snapshot.
 */
final class AnnouncementProcessor implements Processor<byte[], Announcement, String, SpecificRecord> {

    static final String SEEN_STORE = "announcements-seen";
    static final String[] STORES = {
        SEEN_STORE,
        DesignationStores.CURRENT,
        DesignationStores.HISTORY,
        SnapshotStores.LIST_INDEX,
        SnapshotStores.APPLIED,
        SnapshotStores.PENDING,
        SnapshotStores.PARTS,
        SnapshotStores.NAMED,
        SnapshotStores.QUEUE,
        SnapshotStores.JOB,
        SnapshotStores.RECEIPT
    };

    private static final Logger LOG = LoggerFactory.getLogger(AnnouncementProcessor.class);

    /**
     * Steps one punctuation takes at most, whatever the time: bounds one transaction (with the default budget, 50,000
     * entries or keys) on a machine fast enough to do them within the step time.
     */
    static final int MAX_ROUNDS = 25;

    private final AnnouncementPlacement placement;
    private final int stepBudget;
    private final Duration stepInterval;
    private final Duration stepTime;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, Long> seen;
    private StoreWorld.Stores stores;
    private KeyValueStore<String, byte[]> pending;
    private KeyValueStore<String, Announcement> queue;
    private KeyValueStore<String, byte[]> jobs;
    private KeyValueStore<String, AnnouncementReceipt> receipts;
    // The open job's first part, for its provenance: read once per job (and after a restart), not once per step.
    private Announcement jobHead;
    // The open job's view of the stores, kept from step to step so the part it reads entries from is decoded once
    // per job rather than once per step (a part holds thousands of entries).
    private StoreWorld jobWorld;
    // True while a job is open or announcements are queued (possibly a little longer): kept in memory so that an
    // ordinary record costs no store lookups; recomputed from the stores whenever the processor is initialised.
    private boolean busy;

    /**
     * @param stepBudget entries (or index keys) a snapshot step handles at most
     * @param stepInterval how often a step runs while there is work (wall-clock time; never reaches a topic)
     * @param stepTime how long one punctuation goes on taking steps while there is work; zero: one step
     */
    AnnouncementProcessor(AnnouncementPlacement placement, int stepBudget, Duration stepInterval, Duration stepTime) {
        this.placement = placement;
        this.stepBudget = stepBudget;
        this.stepInterval = stepInterval;
        this.stepTime = stepTime;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.seen = context.getStateStore(SEEN_STORE);
        this.stores = new StoreWorld.Stores(
                context.getStateStore(DesignationStores.CURRENT),
                context.getStateStore(DesignationStores.HISTORY),
                context.getStateStore(SnapshotStores.LIST_INDEX),
                context.getStateStore(SnapshotStores.APPLIED),
                context.getStateStore(SnapshotStores.PARTS),
                context.getStateStore(SnapshotStores.NAMED));
        this.pending = context.getStateStore(SnapshotStores.PENDING);
        this.queue = context.getStateStore(SnapshotStores.QUEUE);
        this.jobs = context.getStateStore(SnapshotStores.JOB);
        this.receipts = context.getStateStore(SnapshotStores.RECEIPT);
        // A task revived after an aborted transaction is initialised again: its stores are back at the last
        // commit, so nothing remembered from before may stay.
        this.jobHead = null;
        this.jobWorld = null;
        this.busy = jobs.get(SnapshotStores.CURRENT_JOB) != null || hasQueued();
        // Also resumes, after a restart, a snapshot whose application a crash interrupted.
        context.schedule(stepInterval, PunctuationType.WALL_CLOCK_TIME, timestamp -> advance());
    }

    @Override
    public void process(Record<byte[], Announcement> record) {
        Announcement announcement = record.value();
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
            // Touches no state, so it need not wait for a snapshot being applied.
            refuse(
                    Intake.refuseMisrouted(announcement, misplaced.get()).rejection(),
                    Intake.listOf(announcement),
                    size(announcement));
            return;
        }
        if (busy) {
            enqueue(announcement);
            return;
        }
        handle(announcement);
        if (busy) {
            advance();
        }
    }

    /** Applies one announcement, or buffers it as a snapshot part, or opens the job of a complete snapshot. */
    private void handle(Announcement announcement) {
        String authority = announcement.getAuthority();
        byte[] receiving = pending.get(authority);
        SnapshotAssembly.Arrival arrival =
                SnapshotAssembly.arrive(receiving == null ? null : StateCodec.decodePending(receiving), announcement);
        if (arrival.abandoned() != null) {
            SnapshotAssembly.Pending dropped = StateCodec.decodePending(receiving);
            pending.delete(authority);
            deleteParts(authority, Integer.MAX_VALUE);
            refuse(arrival.abandoned(), dropped.list(), dropped.entries());
        }
        switch (arrival.kind()) {
            case WHOLE -> handleWhole(announcement);
            case STRAY_PART -> refuse(arrival.refused(), Intake.listOf(announcement), size(announcement));
            case FIRST_PART, NEXT_PART -> {
                stores.parts()
                        .put(
                                SnapshotStores.partKey(
                                        authority, announcement.getSnapshot().getFirstIndex()),
                                announcement);
                SnapshotAssembly.Pending now = arrival.pending();
                if (!now.complete()) {
                    pending.put(authority, StateCodec.encode(now));
                    return;
                }
                pending.delete(authority);
                Announcement head = stores.parts().get(SnapshotStores.partKey(authority, 0));
                RejectedAction refusal = Intake.refusal(head, seen.get(seenKey(head)) != null)
                        .orElseGet(() -> SnapshotAssembly.refusal(now, head));
                if (refusal != null) {
                    deleteParts(authority, Integer.MAX_VALUE);
                    refuse(refusal, now.list(), now.entries());
                } else {
                    openJob(head, now.entries());
                }
            }
        }
    }

    private void handleWhole(Announcement announcement) {
        long publishedAt = timestampOf(announcement);
        if (announcement.getSnapshot() != null) {
            Optional<RejectedAction> refusal = Intake.refusal(announcement, seen.get(seenKey(announcement)) != null);
            if (refusal.isPresent()) {
                refuse(refusal.get(), Intake.listOf(announcement), size(announcement));
                return;
            }
            // One record is the whole snapshot: stored as its only part, whatever firstIndex it carries.
            Snapshot whole = Snapshot.newBuilder(announcement.getSnapshot())
                    .setFirstIndex(0)
                    .build();
            Announcement only =
                    Announcement.newBuilder(announcement).setSnapshot(whole).build();
            stores.parts().put(SnapshotStores.partKey(announcement.getAuthority(), 0), only);
            openJob(only, only.getActions().size());
            return;
        }
        Admission admission = Intake.admit(announcement, seen.get(seenKey(announcement)) != null);
        if (admission instanceof Admission.Refused refused) {
            refuse(refused.rejection(), announcement.getList(), size(announcement));
            return;
        }
        seen.put(seenKey(announcement), publishedAt);
        StoreWorld world = new StoreWorld(stores, null);
        ReceiptTally tally = ReceiptTally.of(announcement, size(announcement));
        for (AnnouncedAction action : ((Admission.Accepted) admission).actions()) {
            Outcome outcome = Fold.apply(
                    DesignationKeys.forAction(action).map(world::state).orElse(null), action);
            if (outcome instanceof Outcome.Changed changed) {
                world.put(changed.after());
            }
            forward(outcome, publishedAt);
            tally.add(outcome);
        }
        forwardReceipt(tally.receipt());
    }

    private void openJob(Announcement head, int entries) {
        jobHead = head;
        jobWorld = null;
        busy = true;
        seen.put(seenKey(head), timestampOf(head));
        jobs.put(
                SnapshotStores.CURRENT_JOB,
                StateCodec.encode(new StateCodec.Job(
                        head.getAuthority(), entries, SnapshotCursor.start(), StateCodec.Cleanup.RUNNING, null)));
        receipts.put(SnapshotStores.CURRENT_JOB, ReceiptTally.of(head, entries).receipt());
    }

    /**
     * One punctuation's work: rounds of {@link #advanceOnce} while there is work, until {@code stepTime} has passed
     * (at least one round, at most {@link #MAX_ROUNDS}). The wall clock only paces the work: the outputs are the
     * same however it is cut into rounds and transactions.
     */
    private void advance() {
        long start = System.nanoTime();
        int rounds = 0;
        while (busy && rounds < MAX_ROUNDS && (rounds == 0 || System.nanoTime() - start < stepTime.toNanos())) {
            advanceOnce();
            rounds++;
        }
    }

    /**
     * At most about {@code stepBudget} units: the open job's next step, else the queued announcements in arrival
     * order until one opens a job.
     */
    private void advanceOnce() {
        if (!busy) {
            return;
        }
        int left = stepBudget;
        while (left > 0) {
            byte[] job = jobs.get(SnapshotStores.CURRENT_JOB);
            if (job != null) {
                left -= step(StateCodec.decodeJob(job), left);
                continue;
            }
            Announcement next = poll();
            if (next == null) {
                busy = false;
                return;
            }
            left -= Math.max(1, size(next));
            handle(next);
        }
    }

    /** One step of the open job; returns the units of work done (at least 1). */
    private int step(StateCodec.Job job, int budget) {
        String authority = job.authority();
        switch (job.cleanup()) {
            case RUNNING -> {
                if (jobHead == null || !jobHead.getAuthority().equals(authority)) {
                    jobHead = stores.parts().get(SnapshotStores.partKey(authority, 0));
                }
                Announcement head = jobHead;
                if (jobWorld == null || !jobWorld.applying(authority)) {
                    jobWorld = new StoreWorld(stores, authority);
                }
                SnapshotRun.Step step = new SnapshotRun(head, job.entries()).step(jobWorld, job.cursor(), budget);
                long publishedAt = timestampOf(head);
                ReceiptTally tally = ReceiptTally.resume(receipts.get(SnapshotStores.CURRENT_JOB));
                for (Outcome outcome : step.outcomes()) {
                    forward(outcome, publishedAt);
                    tally.add(outcome);
                }
                if (step.cursor().done()) {
                    jobHead = null;
                    jobWorld = null;
                    receipts.delete(SnapshotStores.CURRENT_JOB);
                    forwardReceipt(tally.receipt());
                    putJob(job, step.cursor(), StateCodec.Cleanup.NAMED, null);
                } else {
                    receipts.put(SnapshotStores.CURRENT_JOB, tally.receipt());
                    putJob(job, step.cursor(), StateCodec.Cleanup.RUNNING, null);
                }
                return budget;
            }
            case NAMED -> {
                String prefix = SnapshotStores.authorityPrefix(authority);
                String last = null;
                int deleted = 0;
                try (KeyValueIterator<String, Integer> scan = stores.named()
                        .range(
                                job.cleanedAfter() == null ? prefix : job.cleanedAfter(),
                                SnapshotStores.after(prefix))) {
                    while (scan.hasNext() && deleted < budget) {
                        KeyValue<String, Integer> named = scan.next();
                        stores.named().delete(named.key);
                        last = named.key;
                        deleted++;
                    }
                }
                if (deleted < budget) {
                    putJob(job, job.cursor(), StateCodec.Cleanup.PARTS, null);
                } else {
                    putJob(job, job.cursor(), StateCodec.Cleanup.NAMED, last);
                }
                return Math.max(1, deleted);
            }
            case PARTS -> {
                int deleted = deleteParts(authority, budget);
                if (deleted < budget) {
                    jobs.delete(SnapshotStores.CURRENT_JOB);
                }
                return Math.max(1, deleted);
            }
        }
        throw new IllegalStateException("unreachable: every cleanup stage returns");
    }

    private void putJob(StateCodec.Job job, SnapshotCursor cursor, StateCodec.Cleanup cleanup, String cleanedAfter) {
        jobs.put(
                SnapshotStores.CURRENT_JOB,
                StateCodec.encode(new StateCodec.Job(job.authority(), job.entries(), cursor, cleanup, cleanedAfter)));
    }

    /** Deletes up to {@code max} buffered parts of the authority; returns how many. */
    private int deleteParts(String authority, int max) {
        String prefix = SnapshotStores.authorityPrefix(authority);
        int deleted = 0;
        try (KeyValueIterator<String, Announcement> scan = stores.parts().range(prefix, SnapshotStores.after(prefix))) {
            while (scan.hasNext() && deleted < max) {
                stores.parts().delete(scan.next().key);
                deleted++;
            }
        }
        return deleted;
    }

    private boolean hasQueued() {
        try (KeyValueIterator<String, Announcement> scan = queue.all()) {
            return scan.hasNext();
        }
    }

    private void enqueue(Announcement announcement) {
        long sequence = 0;
        try (KeyValueIterator<String, Announcement> last = queue.reverseAll()) {
            if (last.hasNext()) {
                sequence = Long.parseLong(last.next().key) + 1;
            }
        }
        queue.put(SnapshotStores.queueKey(sequence), announcement);
    }

    private Announcement poll() {
        KeyValue<String, Announcement> first;
        try (KeyValueIterator<String, Announcement> scan = queue.all()) {
            first = scan.hasNext() ? scan.next() : null;
        }
        if (first == null) {
            return null;
        }
        queue.delete(first.key);
        return first.value;
    }

    private void refuse(RejectedAction refusal, String list, int actions) {
        long timestamp = Math.max(0L, refusal.getPublishedAt().toEpochMilli());
        context.forward(new Record<>(refusal.getAnnouncementId(), refusal, timestamp));
        forwardReceipt(ReceiptTally.refused(refusal, list, actions));
    }

    private void forward(Outcome outcome, long timestamp) {
        if (outcome instanceof Outcome.Changed changed) {
            context.forward(new Record<>(changed.after().getDesignationKey(), changed.change(), timestamp));
        } else if (outcome instanceof Outcome.Rejected rejected) {
            context.forward(new Record<>(rejected.rejection().getAnnouncementId(), rejected.rejection(), timestamp));
        } else if (!(outcome instanceof Outcome.Unchanged)) {
            throw new IllegalStateException("Unexpected outcome " + outcome);
        }
    }

    private void forwardReceipt(AnnouncementReceipt receipt) {
        long timestamp = Math.max(0L, receipt.getPublishedAt().toEpochMilli());
        context.forward(new Record<>(receipt.getAnnouncementId(), receipt, timestamp));
    }

    private static String seenKey(Announcement announcement) {
        return announcement.getAuthority() + '\u0000' + announcement.getAnnouncementId();
    }

    /** A publishedAt before 1970 is refused by the rules; its records are stamped at the epoch. */
    private static long timestampOf(Announcement announcement) {
        return Math.max(0L, announcement.getPublishedAt().toEpochMilli());
    }

    private static int size(Announcement announcement) {
        return announcement.getActions() == null ? 0 : announcement.getActions().size();
    }
}
