package dev.sanctions.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Hands records to several sinks, each on a thread of its own, by record key: every record of one key goes to the
 * same sink, in the order it was read. The replay decodes and folds in one lane per group of authorities: an
 * announcement's record is keyed by its authority, and the fold is per authority (its used ids, its designations),
 * so lanes never share state and each sees its authorities' records in log order.
 *
 * <p>A key gets its lane when first seen, round robin, so a handful of authorities spread over the lanes however
 * their names hash. A sink that throws stops the reading: {@link #accept} and {@link #finish} rethrow its error.
 */
final class KeyedLanes implements TopicReader.RecordSink, AutoCloseable {

    /** Records handed to a lane at once: the queue's cost is paid per batch, not per record. */
    private static final int BATCH = 256;
    /** Batches waiting per lane: bounds the memory the reader may run ahead by. */
    private static final int QUEUED_BATCHES = 16;

    private static final long OFFER_WAIT_MS = 100;

    private final List<Lane> lanes = new ArrayList<>();
    private final Map<String, Lane> laneByKey = new HashMap<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private int nextLane;

    /** Starts {@code count} lanes, lane {@code i} handing its records to {@code sinks.apply(i)}. */
    KeyedLanes(int count, Function<Integer, TopicReader.RecordSink> sinks, String threadName) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one lane, got " + count);
        }
        for (int i = 0; i < count; i++) {
            Lane lane = new Lane(sinks.apply(i));
            Thread thread = new Thread(lane, threadName + "-" + i);
            thread.setDaemon(true);
            lane.thread = thread;
            lanes.add(lane);
        }
        lanes.forEach(lane -> lane.thread.start());
    }

    /** Lanes for this machine: one per core, at most four (beyond that the single reading thread is the limit). */
    static int lanesForThisMachine() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public void accept(ConsumerRecord<String, byte[]> record, int partitions) {
        // A record without a key is judged (and skipped) by the sink like any other; any lane will do.
        Lane lane = record.key() == null
                ? lanes.get(0)
                : laneByKey.computeIfAbsent(record.key(), key -> lanes.get(nextLane++ % lanes.size()));
        lane.pending.add(new Pending(record, partitions));
        if (lane.pending.size() >= BATCH) {
            handOver(lane);
        }
    }

    /** Hands over what is still pending, waits for every lane to finish, and rethrows a lane's error. */
    void finish() {
        lanes.forEach(this::handOver);
        lanes.forEach(lane -> put(lane, List.of()));
        for (Lane lane : lanes) {
            try {
                lane.thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReplayException("interrupted while waiting for the replay's lanes", e);
            }
        }
        rethrowFailure();
    }

    /** Stops lanes still running, as after a failed read; after {@link #finish} there are none. */
    @Override
    public void close() {
        lanes.forEach(lane -> lane.thread.interrupt());
    }

    private void handOver(Lane lane) {
        if (lane.pending.isEmpty()) {
            return;
        }
        put(lane, lane.pending);
        lane.pending = new ArrayList<>(BATCH);
    }

    private void put(Lane lane, List<Pending> batch) {
        try {
            while (!lane.queue.offer(batch, OFFER_WAIT_MS, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted while handing records to the replay's lanes", e);
        }
        rethrowFailure();
    }

    private void rethrowFailure() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    private record Pending(ConsumerRecord<String, byte[]> record, int partitions) {}

    private final class Lane implements Runnable {

        private final TopicReader.RecordSink sink;
        private final BlockingQueue<List<Pending>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        private List<Pending> pending = new ArrayList<>(BATCH);
        private Thread thread;

        Lane(TopicReader.RecordSink sink) {
            this.sink = sink;
        }

        @Override
        public void run() {
            try {
                for (List<Pending> batch = queue.take(); !batch.isEmpty(); batch = queue.take()) {
                    for (Pending pending : batch) {
                        sink.accept(pending.record(), pending.partitions());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }
    }
}
