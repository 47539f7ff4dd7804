package dev.sanctions.subscriber;

import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of {@link Subscriber#run}: the optional snapshot, then notifications until the stop condition. Or one
 * call of {@link TopicFollower#run}: the records of one other topic, through the same loop (start position, stop
 * condition, a topic that appears late, commits in a group) to a {@link RecordSink}.
 */
final class SubscriptionRun {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionRun.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TOPIC_RECHECK = Duration.ofSeconds(1);

    private final SubscriptionSettings settings;
    private final ClientConfigs configs;
    private final TopicNames topics;
    private final DesignationListener listener;
    private final List<String> followedAtStart;
    private final RecordSink sink;
    private final StopCondition stop;
    private final StopSignal signal;
    /** Offsets taken before the run, to start at instead of {@code settings.from()}. */
    private final Optional<Map<TopicPartition, Long>> fixedStart;

    private final boolean inGroup;
    private final Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
    private final List<TopicPartition> assigned = new ArrayList<>();
    private final List<String> followedTopics = new ArrayList<>();

    private Consumer<String, byte[]> consumer;
    private Decoder<DesignationChange> changes;
    private StartOffsets startOffsets;
    private VersionCheck versions;
    private long delivered;

    SubscriptionRun(
            SubscriptionSettings settings, DesignationListener listener, StopCondition stop, StopSignal signal) {
        this.settings = settings;
        this.configs = new ClientConfigs(settings);
        this.topics = new TopicNames(settings.topicPrefix());
        this.listener = listener;
        this.followedAtStart = topics.followed(settings.jurisdictions());
        this.sink = this::deliver;
        this.stop = stop;
        this.signal = signal;
        this.fixedStart = Optional.empty();
        this.inGroup = settings.groupId().isPresent();
    }

    /**
     * The records of {@code topic} to {@code sink}, from {@code fixedStart} when given (a partition not in it from
     * its beginning), else from {@code settings.from()}; never a snapshot.
     */
    SubscriptionRun(
            SubscriptionSettings settings,
            String topic,
            Optional<Map<TopicPartition, Long>> fixedStart,
            RecordSink sink,
            StopCondition stop,
            StopSignal signal) {
        if (settings.snapshot()) {
            throw new IllegalArgumentException("only notifications have a snapshot, not " + topic);
        }
        this.settings = settings;
        this.configs = new ClientConfigs(settings);
        this.topics = new TopicNames(settings.topicPrefix());
        this.listener = change -> {
            throw new IllegalStateException("a run of " + topic + " has no notification to deliver");
        };
        this.followedAtStart = List.of(topic);
        this.sink = sink;
        this.stop = stop;
        this.signal = signal;
        this.fixedStart = fixedStart;
        this.inGroup = settings.groupId().isPresent();
    }

    void execute() {
        LOG.debug(
                "Following {} at {} from {}{}{}; stop: {}",
                followedAtStart,
                settings.bootstrapServers(),
                settings.snapshot()
                        ? "the end of a snapshot"
                        : fixedStart
                                .map(offsets -> (Object) ("offsets " + offsets))
                                .orElse(settings.from()),
                settings.groupId().map(group -> " in group " + group).orElse(""),
                settings.jurisdictions().isEmpty() ? "" : " (jurisdictions " + settings.jurisdictions() + ")",
                stop);
        try (Decoder<DesignationChange> changeDecoder = new Decoder<>(DesignationChange.class, configs.registry());
                KafkaConsumer<String, byte[]> follower = new KafkaConsumer<>(
                        configs.follower(), new StringDeserializer(), new ByteArrayDeserializer())) {
            this.changes = changeDecoder;
            this.consumer = follower;
            signal.activate(follower);
            try {
                follow();
            } catch (WakeupException e) {
                commitAfterWakeup();
            }
        }
    }

    private void follow() {
        TopicWatch watch = new TopicWatch(followedAtStart);
        Map<String, List<TopicPartition>> existing = firstLook(watch);
        List<TopicPartition> partitions =
                existing.values().stream().flatMap(List::stream).toList();
        if (settings.snapshot()) {
            deliverSnapshot(partitions);
        } else {
            startOffsets = fixedStart
                    .map(StartOffsets::at)
                    .orElseGet(() -> StartOffsets.resolve(settings.from(), consumer, partitions));
            versions = VersionCheck.midStream();
        }
        start(existing);
        long lastActivity = System.nanoTime();
        long nextTopicCheck = lastActivity + TOPIC_RECHECK.toNanos();
        while (!signal.isRequested() && !stop.limitReached(delivered)) {
            if (!watch.missing().isEmpty() && System.nanoTime() >= nextTopicCheck) {
                start(recheck(watch));
                nextTopicCheck = System.nanoTime() + TOPIC_RECHECK.toNanos();
            }
            Duration idleLeft = idleLeft(lastActivity);
            if (idleLeft.isZero()) {
                LOG.info("Nothing new for {}: stopping", stop.maxIdle().orElseThrow());
                return;
            }
            Duration wait = idleLeft.compareTo(POLL) < 0 ? idleLeft : POLL;
            if (followedTopics.isEmpty()) {
                signal.pause(wait);
                continue;
            }
            ConsumerRecords<String, byte[]> records = consumer.poll(wait);
            if (!records.isEmpty()) {
                lastActivity = System.nanoTime();
                handle(records);
            }
        }
    }

    private Map<String, List<TopicPartition>> firstLook(TopicWatch watch) {
        Map<String, List<TopicPartition>> existing;
        try {
            existing = watch.appeared(consumer, configs.apiTimeout());
        } catch (TimeoutException e) {
            throw Unreachable.kafka(settings.bootstrapServers(), configs.apiTimeout(), "looking up the topics", e);
        }
        if (!watch.missing().isEmpty()) {
            LOG.warn(
                    "Topic(s) {} do not exist yet: waiting for them (a jurisdiction's topic appears with its first "
                            + "notification, 'sanctions init' creates the others; otherwise check the topic prefix)",
                    watch.missing());
        }
        return existing;
    }

    private Map<String, List<TopicPartition>> recheck(TopicWatch watch) {
        try {
            Map<String, List<TopicPartition>> appeared = watch.appeared(consumer, POLL);
            appeared.keySet().forEach(topic -> LOG.info("Topic {} exists now: following it from its start", topic));
            return appeared;
        } catch (TimeoutException e) {
            LOG.debug("Topic check timed out; trying again", e);
            return Map.of();
        }
    }

    private void deliverSnapshot(List<TopicPartition> changePartitions) {
        SnapshotReader.Snapshot snapshot;
        long[] recordsRead = {0};
        try (Admin admin = Admin.create(configs.admin());
                Decoder<DesignationState> states = new Decoder<>(DesignationState.class, configs.registry());
                KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(
                        configs.snapshot(), new StringDeserializer(), new ByteArrayDeserializer())) {
            EndOffsets ends = new EndOffsets(admin, settings.bootstrapServers(), configs.apiTimeout());
            // Taken before the snapshot's own end: see SnapshotReader for why this order closes every gap.
            startOffsets = StartOffsets.afterSnapshot(ends.of(changePartitions, IsolationLevel.READ_COMMITTED));
            signal.activate(reader);
            try {
                snapshot = new SnapshotReader(reader, states, ends, settings.jurisdictions(), configs.apiTimeout())
                        .read(topics.designations(), read -> {
                            recordsRead[0] = read;
                            Listeners.call(() -> listener.onSnapshotProgress(read, false));
                        });
            } catch (TimeoutException e) {
                throw Unreachable.kafka(settings.bootstrapServers(), configs.apiTimeout(), "reading the snapshot", e);
            } finally {
                signal.activate(consumer);
            }
        }
        Listeners.call(() -> listener.onSnapshotProgress(recordsRead[0], true));
        for (DesignationState state : snapshot.matching().values()) {
            if (signal.isRequested()) {
                throw new WakeupException();
            }
            Listeners.call(() -> listener.onSnapshot(state));
        }
        versions = VersionCheck.afterSnapshot(snapshot.versions());
    }

    /** Starts reading the topics given, by assignment or, in a group, by subscription. */
    private void start(Map<String, List<TopicPartition>> topicsFound) {
        if (topicsFound.isEmpty()) {
            return;
        }
        followedTopics.addAll(topicsFound.keySet());
        if (inGroup) {
            consumer.subscribe(List.copyOf(followedTopics), new StartWhereNothingCommitted());
            return;
        }
        List<TopicPartition> added =
                topicsFound.values().stream().flatMap(List::stream).toList();
        assigned.addAll(added);
        consumer.assign(List.copyOf(assigned));
        startOffsets.seek(consumer, added);
    }

    private void handle(ConsumerRecords<String, byte[]> records) {
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                if (signal.isRequested() || stop.limitReached(delivered)) {
                    break;
                }
                if (!startOffsets.beforeStart(record) && sink.deliver(record)) {
                    delivered++;
                }
                handled.put(
                        new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
            }
        } catch (RuntimeException e) {
            try {
                commit();
            } catch (RuntimeException commitFailure) {
                e.addSuppressed(commitFailure);
            }
            throw e;
        }
        commit();
    }

    /** A notification to the listener, unless it is empty or a version already delivered. */
    private boolean deliver(ConsumerRecord<String, byte[]> record) {
        DesignationChange change = changes.decode(record);
        if (change == null) {
            LOG.warn("Skipping an empty record (no notification) at {}", Decoder.position(record));
            return false;
        }
        String key = change.getDesignationKey();
        long version = change.getVersion();
        VersionCheck.Verdict verdict = versions.accept(key, version);
        switch (verdict.kind()) {
            case DUPLICATE -> {
                LOG.debug("Skipping {} version {}: already delivered", key, version);
                return false;
            }
            case GAP -> {
                LOG.warn(
                        "Version gap on designation {}: expected version {}, received {}. Notifications were lost "
                                + "upstream; check the processor and the retention of {}",
                        key,
                        verdict.expected(),
                        version,
                        record.topic());
                Listeners.call(() -> listener.onGap(key, verdict.expected(), version));
            }
            case DELIVER -> {}
        }
        Listeners.call(() -> listener.onChange(change));
        return true;
    }

    /** In a group, acknowledges what the listener has returned from; without one there is nothing to commit. */
    private void commit() {
        if (!inGroup || handled.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(Map.copyOf(handled));
        } catch (CommitFailedException e) {
            LOG.warn(
                    "The group moved partitions before offsets {} could be committed: those notifications will be "
                            + "delivered again",
                    handled,
                    e);
        }
        handled.clear();
    }

    private void commitAfterWakeup() {
        try {
            commit();
        } catch (WakeupException | TimeoutException e) {
            LOG.warn(
                    "Could not commit offsets {} while stopping: those notifications will be delivered again",
                    handled,
                    e);
        }
    }

    private Duration idleLeft(long lastActivity) {
        if (stop.maxIdle().isEmpty()) {
            return POLL;
        }
        long left = stop.maxIdle().get().toNanos() - (System.nanoTime() - lastActivity);
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /**
     * Applies the start position to partitions for which the group has committed nothing, and commits that start
     * at once, so a restart before the first notification does not move it.
     */
    private final class StartWhereNothingCommitted implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            List<TopicPartition> fresh =
                    partitions.stream().filter(p -> committed.get(p) == null).toList();
            if (fresh.isEmpty()) {
                return;
            }
            startOffsets.seek(consumer, fresh);
            Map<TopicPartition, OffsetAndMetadata> starts =
                    fresh.stream().collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(consumer.position(p))));
            consumer.commitSync(starts);
            LOG.info(
                    "Group {} had no offsets for {}: starting at {}",
                    settings.groupId().orElseThrow(),
                    fresh,
                    starts);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Offsets are committed after every batch, inside the polling thread: nothing is pending here.
        }
    }
}
