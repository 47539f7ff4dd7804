package dev.sanctions.producer;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.Snapshot;
import dev.sanctions.core.AnnouncementRules;
import dev.sanctions.core.AnnouncementSize;
import dev.sanctions.core.Violation;
import dev.sanctions.registry.client.RegistryClientConfig;
import dev.sanctions.registry.serde.AvroSerdeConfig;
import dev.sanctions.registry.serde.SpecificAvroSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes announcements to the announcements topic (docs/topics.md) in one Kafka transaction per
 * {@link #publish} call: key = authority, record timestamp = {@code publishedAt}, value = Avro in the Confluent
 * wire format. Either every announcement of a call becomes visible to read_committed consumers, or none does.
 * Not thread-safe: one publisher per thread.
 */
public final class AnnouncementPublisher implements AutoCloseable {

    /**
     * The topic's max.message.bytes: room for the largest announcement publish accepts
     * ({@link AnnouncementSize#LIMIT_BYTES}) whatever the record's framing.
     */
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    /** How long the broker keeps a transaction of a vanished publisher open before aborting it. */
    static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(1);

    private final PublisherConfig config;
    private Producer<String, Announcement> producer;
    private boolean transactionsReady;

    /** Builds the producer; nothing is contacted until the first {@link #publish}. */
    public AnnouncementPublisher(PublisherConfig config) {
        this.config = config;
        this.producer = newProducer();
    }

    /**
     * Checks the announcements with the rules of docs/announcement-format.md (the same the file reader applies) and publishes
     * them in order, in one transaction. A snapshot travels as several parts (records with the same announcement id)
     * when it is larger than one part may be ({@link PublisherConfig#snapshotPartBytes()}).
     *
     * @return where each record landed, in the order given: one per announcement, one per part of a snapshot
     * @throws InvalidAnnouncementsException when any announcement breaks a rule; nothing is sent
     * @throws PublishException              when Kafka or the registry fails or does not answer in time; nothing
     *                                       is visible, unless the message says the outcome is unknown
     */
    public List<Published> publish(List<Announcement> announcements) {
        return publish(announcements, written -> {});
    }

    /**
     * As {@link #publish(List)}, telling {@code actionsWritten} how many actions the broker has acknowledged so far
     * (from the producer's I/O thread), for a progress line: they become visible only with the commit.
     */
    public List<Published> publish(List<Announcement> announcements, LongConsumer actionsWritten) {
        requireValid(announcements);
        if (announcements.isEmpty()) {
            return List.of();
        }
        // Snapshots are measured and split before the transaction starts: the plan is all that is kept.
        List<SnapshotParts> plans = new ArrayList<>();
        for (Announcement announcement : announcements) {
            plans.add(
                    announcement.getSnapshot() == null
                            ? null
                            : SnapshotParts.plan(SnapshotSource.of(announcement), config.snapshotPartBytes()));
        }
        return inOneTransaction(actionsWritten, record -> {
            for (int i = 0; i < announcements.size(); i++) {
                Announcement announcement = announcements.get(i);
                SnapshotParts plan = plans.get(i);
                if (plan == null) {
                    record.accept(announcement);
                } else {
                    plan.forEachPart(SnapshotSource.of(announcement), record);
                }
            }
        });
    }

    /**
     * Publishes a snapshot not held as objects (an imported list): its entries are split into parts under the part
     * limit by their encoded sizes (those the source knows, else measured by reading the entries once), then read to
     * send the parts, all in one transaction. Each part is checked with the same rules as {@link #publish}; a part
     * that breaks one, or a source that fails or changes between the reads, aborts the transaction and nothing is
     * visible.
     *
     * @return where each part landed, in order
     * @throws InvalidAnnouncementsException when the snapshot breaks a rule; nothing is visible
     * @throws PublishException              when Kafka or the registry fails, as for {@link #publish}
     */
    public List<Published> publishSnapshot(SnapshotSource source) {
        return publishSnapshot(source, written -> {});
    }

    /** As {@link #publishSnapshot(SnapshotSource)}, telling {@code entriesWritten} as {@link #publish(List, LongConsumer)} does. */
    public List<Published> publishSnapshot(SnapshotSource source, LongConsumer entriesWritten) {
        Announcement header = source.header();
        if (header.getSnapshot() == null) {
            throw new IllegalArgumentException("not a snapshot: " + header.getAnnouncementId());
        }
        SnapshotParts plan = SnapshotParts.plan(source, config.snapshotPartBytes());
        if (plan.parts() == 0) {
            throw new InvalidAnnouncementsException(List.of("announcements[0] (" + header.getAnnouncementId()
                    + "): actions: a snapshot holds 1 to 200,000" + " entries, got none"));
        }
        return inOneTransaction(
                entriesWritten,
                record -> plan.forEachPart(source, part -> {
                    requireValid(List.of(part));
                    record.accept(part);
                }));
    }

    /** What hands the records of one transaction over, in order. */
    @FunctionalInterface
    private interface Records {
        void forEach(Consumer<Announcement> record);
    }

    /** A record sent, with where it will land. */
    private record Sent(Announcement announcement, Future<RecordMetadata> metadata) {}

    /** A failure of Kafka while sending, told apart from a failure of whoever hands the records over. */
    private static final class SendFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SendFailure(RuntimeException cause) {
            super(cause);
        }
    }

    private List<Published> inOneTransaction(LongConsumer actionsWritten, Records records) {
        if (producer == null) {
            producer = newProducer();
        }
        List<Sent> sent = new ArrayList<>();
        try {
            if (!transactionsReady) {
                // Also aborts whatever an earlier producer with this transactional.id left open.
                producer.initTransactions();
                transactionsReady = true;
            }
            producer.beginTransaction();
        } catch (RuntimeException e) {
            throw failure(e, false);
        }
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        AtomicLong written = new AtomicLong();
        try {
            records.forEach(announcement -> {
                try {
                    // A send that fails (e.g. no metadata within max.block.ms) does not throw; without this check
                    // each of the remaining sends would wait as long again.
                    throwIfFailed(firstFailure.get());
                    sent.add(new Sent(
                            announcement,
                            producer.send(
                                    new ProducerRecord<>(
                                            config.topic(),
                                            null,
                                            announcement.getPublishedAt().toEpochMilli(),
                                            announcement.getAuthority(),
                                            announcement),
                                    (metadata, e) -> {
                                        if (e != null) {
                                            firstFailure.compareAndSet(null, e);
                                        } else {
                                            actionsWritten.accept(written.addAndGet(
                                                    announcement.getActions().size()));
                                        }
                                    })));
                } catch (RuntimeException e) {
                    throw new SendFailure(e);
                }
            });
        } catch (SendFailure e) {
            throw failure((RuntimeException) e.getCause(), false);
        } catch (RuntimeException sourceFailure) {
            // Invalid parts, a list file that changed: not Kafka's doing; nothing of the transaction may stay.
            abort(sourceFailure);
            throw sourceFailure;
        }
        boolean committing = false;
        try {
            throwIfFailed(firstFailure.get());
            committing = true;
            producer.commitTransaction();
        } catch (RuntimeException e) {
            throw failure(e, committing && allAcknowledged(sent));
        }
        return published(sent);
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(config.timeout());
            producer = null;
        }
    }

    private static void requireValid(List<Announcement> announcements) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < announcements.size(); i++) {
            Announcement announcement = announcements.get(i);
            List<Violation> violations = AnnouncementRules.check(announcement);
            for (Violation violation : violations) {
                problems.add(where(i, announcements) + ": " + violation.path() + ": " + violation.message());
            }
            if (violations.isEmpty() && !isWholeSnapshot(announcement)) {
                int index = i;
                AnnouncementSize.excess(announcement)
                        .ifPresent(excess -> problems.add(where(index, announcements) + ": announcement: " + excess));
            }
        }
        DuplicateAnnouncements.find(announcements, i -> where(i, announcements))
                .forEach((i, message) -> problems.add(where(i, announcements) + ": announcementId: " + message));
        if (!problems.isEmpty()) {
            throw new InvalidAnnouncementsException(problems);
        }
    }

    /** A snapshot as a file states it travels in parts, each measured when split. */
    private static boolean isWholeSnapshot(Announcement announcement) {
        return announcement.getSnapshot() != null && announcement.getSnapshot().getParts() == 1;
    }

    private static String where(int index, List<Announcement> announcements) {
        return "announcements[" + index + "] (" + announcements.get(index).getAnnouncementId() + ")";
    }

    private PublishException failure(RuntimeException cause, boolean commitMayHaveHappened) {
        boolean aborted = abort(cause);
        String outcome;
        if (aborted || !commitMayHaveHappened) {
            outcome = "nothing was published";
        } else {
            outcome = "the broker may or may not have committed the transaction: read the topic before publishing "
                    + "again (a repeated announcement would be ignored as a duplicate)";
        }
        String reason = reason(cause);
        if (cause instanceof SerializationException) {
            return new PublishException(
                    "could not write announcements with the schema registry at " + config.schemaRegistryUrl() + ": "
                            + reason + "; " + outcome,
                    cause);
        }
        String hint = reason.contains("not present in metadata")
                ? " (is the broker up, and does the topic exist? 'sanctions init' creates it)"
                : "";
        return new PublishException(
                "could not publish to topic '" + config.topic() + "' on Kafka at "
                        + config.bootstrapServers() + " within "
                        + config.timeout().toSeconds() + " s: " + reason + hint
                        + "; " + outcome,
                cause);
    }

    /** Aborts the open transaction; when even that fails the producer is dropped and the next publish starts anew. */
    private boolean abort(RuntimeException cause) {
        if (transactionsReady) {
            try {
                producer.abortTransaction();
                return true;
            } catch (RuntimeException abortFailure) {
                cause.addSuppressed(abortFailure);
            }
        }
        producer.close(Duration.ZERO);
        producer = null;
        transactionsReady = false;
        return false;
    }

    private static void throwIfFailed(Exception failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new KafkaException(failure);
        }
    }

    private static boolean allAcknowledged(List<Sent> sent) {
        for (Sent one : sent) {
            Future<RecordMetadata> future = one.metadata();
            if (!future.isDone()) {
                return false;
            }
            try {
                future.get();
            } catch (ExecutionException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static String reason(Throwable e) {
        StringBuilder reason = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !reason.toString().contains(cause.getMessage())) {
                reason.append(": ").append(cause.getMessage());
            }
        }
        return reason.toString().replaceAll("\\s*\\R\\s*", " ");
    }

    private static List<Published> published(List<Sent> sent) {
        List<Published> published = new ArrayList<>(sent.size());
        for (Sent one : sent) {
            Announcement announcement = one.announcement();
            RecordMetadata metadata;
            try {
                // The commit succeeded, so every send did: these return at once.
                metadata = one.metadata().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a send failed inside a committed transaction", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted after the commit", e);
            }
            Snapshot snapshot = announcement.getSnapshot();
            published.add(new Published(
                    announcement.getAnnouncementId(),
                    announcement.getAuthority(),
                    announcement.getActions().size(),
                    metadata.partition(),
                    metadata.offset(),
                    snapshot == null ? 0 : snapshot.getPart(),
                    snapshot == null ? 1 : snapshot.getParts()));
        }
        return published;
    }

    private Producer<String, Announcement> newProducer() {
        // Strings throughout, as a --command-config file gives them.
        Map<String, Object> settings = new HashMap<>(config.clientProperties());
        long timeoutMs = config.timeout().toMillis();
        settings.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(MAX_REQUEST_BYTES));
        settings.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeoutMs));
        settings.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMs / 2));
        settings.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMs));
        settings.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, String.valueOf(TRANSACTION_TIMEOUT.toMillis()));
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, config.transactionalId());
        // All or nothing is the contract: these cannot be configured away.
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());

        Map<String, Object> serde = new HashMap<>(config.clientProperties());
        serde.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, config.schemaRegistryUrl());
        serde.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "true");
        // An unreachable registry must fail within about the same bound as an unreachable broker.
        serde.putIfAbsent(RegistryClientConfig.CONNECT_TIMEOUT_MS, String.valueOf(timeoutMs / 3));
        serde.putIfAbsent(RegistryClientConfig.REQUEST_TIMEOUT_MS, String.valueOf(timeoutMs / 2));
        serde.putIfAbsent(RegistryClientConfig.MAX_RETRIES, "2");
        SpecificAvroSerializer<Announcement> values = new SpecificAvroSerializer<>();
        try {
            values.configure(serde, false);
            return new KafkaProducer<>(settings, new StringSerializer(), values);
        } catch (KafkaException e) {
            values.close();
            throw new PublishException(
                    "cannot set up the Kafka producer for " + config.bootstrapServers() + ": " + reason(e), e);
        }
    }
}
