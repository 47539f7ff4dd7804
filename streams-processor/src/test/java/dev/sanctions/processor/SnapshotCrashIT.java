package dev.sanctions.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Snapshot;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import dev.sanctions.core.Topics;
import dev.sanctions.testkit.KafkaBackendExtension;
import dev.sanctions.testkit.TestAnnouncementLog;
import dev.sanctions.testkit.UniqueNames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly once for snapshots: two editions of a list, each published as several parts in one transaction, with an
 * ordinary announcement of the same authority behind each; the processor (a JVM of its own) is killed with SIGKILL in
 * the middle of applying each edition and restarted on the same state directory. In the end it has committed
 * exactly the fold of the log: every notification once, in version order, and one receipt per announcement.
 */
class SnapshotCrashIT {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotCrashIT.class);
    private static final String OFAC = "US-OFAC";
    /**
     * Twelve parts, and several seconds of applying in which to land the kill: the size itself is not the point
     * (LargeSnapshotIT's is), so no larger than that.
     */
    private static final int ENTRIES = 12_000;

    private static final int PER_PART = 1_000;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    @TempDir
    Path workDir;

    @Test
    void aProcessorKilledInTheMiddleOfMultiPartSnapshotsAppliesEachExactlyOnce() throws Exception {
        List<String> jurisdictions = List.of("US");
        Topics topics = ProcessorItSupport.createTopics(KAFKA.backend(), "snapcrash", jurisdictions);
        String applicationId = UniqueNames.of("snapshot-crash");
        Path stateDir = workDir.resolve("state");
        Path log = Path.of("target", applicationId + ".log");

        Instant t1 = Instant.parse("2024-01-01T00:00:00Z");
        Instant t2 = Instant.parse("2024-02-01T00:00:00Z");
        List<List<Announcement>> batches = List.of(
                List.of(ordinary("o-1", t1, "X-1")),
                TestAnnouncementLog.parts(edition("sdn-1", t1, 0, ENTRIES, -1), PER_PART),
                List.of(ordinary("o-2", t1, "0000001")),
                TestAnnouncementLog.parts(
                        edition("sdn-2", t2, 0, ENTRIES + ENTRIES / 10, ENTRIES - ENTRIES / 10), PER_PART),
                List.of(ordinary("o-3", t2, "0000002")));
        FoldedLog.Folding folding = new FoldedLog.Folding();
        List<Integer> changesAfterBatch = new ArrayList<>();
        for (List<Announcement> batch : batches) {
            batch.forEach(folding::apply);
            changesAfterBatch.add(folding.changeCount());
        }
        FoldedLog expected = folding.folded();
        List<AnnouncementReceipt> expectedReceipts = folding.receipts();
        int total = expected.changes().size();

        try (KafkaProducer<String, Announcement> producer =
                TestAnnouncementLog.transactionalProducer(KAFKA.backend(), "snapshot-publisher")) {
            producer.initTransactions();
            // Run 1 is given batches 0 to 2 and killed while applying the first edition (batch 1); run 2 batches 3
            // and 4, killed while applying the second (batch 3).
            int from = 0;
            for (int snapshot : List.of(1, 3)) {
                int to = Math.min(batches.size(), snapshot + 2);
                killMidSnapshot(
                        producer,
                        topics,
                        applicationId,
                        stateDir,
                        log,
                        batches.subList(from, to),
                        changesAfterBatch.get(snapshot - 1),
                        changesAfterBatch.get(snapshot));
                from = to;
            }
        }
        try (ProcessorChild child = ProcessorChild.start(
                KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl(), topics, applicationId, stateDir, log)) {
            await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> receipts(topics).size() >= expectedReceipts.size());
            assertThat(child.isAlive())
                    .as("the last run is still up; see %s", log)
                    .isTrue();
        }

        CommittedOutput output =
                CommittedOutput.read(KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl(), topics, jurisdictions);
        assertThat(output.differencesFrom(expected))
                .as("committed output against the fold of the log (see %s)", log)
                .isEmpty();
        assertThat(output.changes()).hasSize(total);
        // Keyed by announcement id, so spread over partitions: one each, in no order across keys.
        assertThat(receipts(topics)).containsExactlyInAnyOrderElementsOf(expectedReceipts);
    }

    /** Publishes the batches (a snapshot's parts in one transaction each), kills the processor mid-snapshot. */
    private static void killMidSnapshot(
            KafkaProducer<String, Announcement> producer,
            Topics topics,
            String applicationId,
            Path stateDir,
            Path log,
            List<List<Announcement>> batches,
            int before,
            int afterSnapshot)
            throws InterruptedException {
        try (ProcessorChild child = ProcessorChild.start(
                KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl(), topics, applicationId, stateDir, log)) {
            for (List<Announcement> batch : batches) {
                producer.beginTransaction();
                TestAnnouncementLog.send(producer, topics.announcements(), batch);
                producer.commitTransaction();
            }
            int quarter = before + (afterSnapshot - before) / 4;
            try (RecordCount committed = RecordCount.committed(KAFKA.bootstrapServers(), topics.changes())) {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> committed.now() >= quarter);
            }
            child.kill();
        }
        int committed = CommittedOutput.countChanges(KAFKA.bootstrapServers(), topics);
        LOG.info(
                "killed with {} notifications committed, {} before the snapshot, {} after it",
                committed,
                before,
                afterSnapshot);
        assertThat(committed)
                .as("killed in the middle of the snapshot (see %s)", log)
                .isGreaterThan(before)
                .isLessThan(afterSnapshot);
    }

    private static List<AnnouncementReceipt> receipts(Topics topics) {
        return CommittedOutput.values(KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl(), topics.receipts());
    }

    private static Announcement ordinary(String id, Instant publishedAt, String targetId) {
        return announcement(id, publishedAt, List.of(entry(targetId, "ordinary " + id)), null);
    }

    /**
     * Targets {@code from} to {@code to - 1}, except those from {@code dropFrom} on when it is not -1 (which the
     * derived delistings then delist), every third with another alias in a later edition.
     */
    private static Announcement edition(String id, Instant publishedAt, int from, int to, int dropFrom) {
        List<Action> entries = new ArrayList<>();
        boolean later = dropFrom >= 0;
        for (int i = from; i < to; i++) {
            if (later && i >= dropFrom && i < ENTRIES) {
                continue;
            }
            String alias = later && i % 3 == 0 ? "edited" : "first";
            entries.add(entry(String.format("%07d", i), alias));
        }
        return announcement(
                id,
                publishedAt,
                entries,
                Snapshot.newBuilder().setList("SDN").setMaxDelistFraction(0.2).build());
    }

    private static Announcement announcement(String id, Instant publishedAt, List<Action> actions, Snapshot snapshot) {
        return Announcement.newBuilder()
                .setAnnouncementId(id)
                .setAuthority(OFAC)
                .setJurisdiction("US")
                .setPublishedAt(publishedAt)
                .setEffectiveFrom(publishedAt.toString().substring(0, 10))
                .setTitle("SDN list " + id)
                .setSourceUrl("https://sanctionslist.ofac.treas.gov/" + id)
                .setActions(actions)
                .setSnapshot(snapshot)
                .build();
    }

    private static Action entry(String targetId, String alias) {
        return Action.newBuilder()
                .setAction(ActionType.DESIGNATE)
                .setTarget(Target.newBuilder()
                        .setId(targetId)
                        .setKind(TargetKind.ORGANIZATION)
                        .setName("Organisation " + targetId)
                        .setAliases(List.of(alias, "Org " + targetId))
                        .setNationalities(List.of("RU"))
                        .build())
                .setMeasures(List.of(new Measure(MeasureType.ASSET_FREEZE, null)))
                .setPrograms(List.of("RUSSIA-EO14024"))
                .build();
    }
}
