package dev.sanctions.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.Identifier;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Snapshot;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import dev.sanctions.core.Topics;
import dev.sanctions.testkit.KafkaBackendExtension;
import dev.sanctions.testkit.TestAnnouncementLog;
import dev.sanctions.testkit.UniqueNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The largest snapshot the rules accept, 200,000 entries in parts of 5,000 published in one transaction, is applied
 * exactly once by a processor whose heap is capped at 256 MiB (a snapshot must never be held in memory whole), and
 * a second edition of it (a tenth amended, 2 % dropped, 2 % new) gives exactly the differences. Logs how long each
 * took and the heap's peak, read from the child's GC log: figures, not assertions. It takes minutes, so it runs
 * only with {@code -Dsanctions.scale=true}; SnapshotCrashIT covers multi-part snapshots in every build.
 */
@EnabledIfSystemProperty(named = "sanctions.scale", matches = "true")
class LargeSnapshotIT {

    private static final Logger LOG = LoggerFactory.getLogger(LargeSnapshotIT.class);
    private static final int ENTRIES = 200_000;
    private static final int PER_PART = 5_000;
    private static final Duration WAIT = Duration.ofMinutes(10);
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    @TempDir
    Path workDir;

    @Test
    void twoEditionsOfTheLargestListApplyExactlyOnceInABoundedHeap() throws Exception {
        Topics topics = ProcessorItSupport.createTopics(KAFKA.backend(), "large-snapshot", List.of("US"));
        String applicationId = UniqueNames.of("large-snapshot");
        Path log = Path.of("target", applicationId + ".log");
        Path gcLog = Path.of("target", applicationId + "-gc.log");
        try (ProcessorChild child = ProcessorChild.start(
                        KAFKA.bootstrapServers(),
                        KAFKA.schemaRegistryUrl(),
                        topics,
                        applicationId,
                        workDir.resolve("state"),
                        log,
                        List.of("-Xlog:gc:file=" + gcLog.toAbsolutePath()));
                KafkaProducer<String, Announcement> producer =
                        TestAnnouncementLog.transactionalProducer(KAFKA.backend(), "large-snapshot-publisher")) {
            producer.initTransactions();

            long first = publishAndAwait(producer, topics, "sdn-1", Instant.parse("2024-01-01T00:00:00Z"), 0);
            AnnouncementReceipt one = receipt(topics, "sdn-1").orElseThrow();
            assertThat(List.of(one.getDesignated(), one.getAmended(), one.getDelisted(), one.getRejected()))
                    .containsExactly(ENTRIES, 0, 0, 0);

            long second = publishAndAwait(producer, topics, "sdn-2", Instant.parse("2024-02-01T00:00:00Z"), 1);
            AnnouncementReceipt two = receipt(topics, "sdn-2").orElseThrow();
            int dropped = ENTRIES / 50;
            assertThat(List.of(two.getDesignated(), two.getAmended(), two.getDelisted(), two.getRejected()))
                    .containsExactly(dropped, amendedInSecondEdition(), dropped, 0);
            assertThat(CommittedOutput.countChanges(KAFKA.bootstrapServers(), topics))
                    .as("every notification committed exactly once")
                    .isEqualTo(ENTRIES + dropped + amendedInSecondEdition() + dropped);
            assertThat(child.isAlive())
                    .as("the processor is still up; see %s", log)
                    .isTrue();
            LOG.info(
                    "200,000-entry snapshot: first edition applied in {} ms, second edition in {} ms; processor heap"
                            + " at most {} MiB before a collection and {} MiB live after one, of a 256 MiB cap (GC log"
                            + " {}); peak resident memory {} MiB",
                    first,
                    second,
                    peakHeapMib(gcLog, 1),
                    peakHeapMib(gcLog, 2),
                    gcLog,
                    child.peakResidentKib() / 1024);
        }
    }

    /** Publishes one edition in one transaction and waits for its receipt; returns the milliseconds between. */
    private static long publishAndAwait(
            KafkaProducer<String, Announcement> producer, Topics topics, String id, Instant publishedAt, int edition) {
        producer.beginTransaction();
        int parts = ENTRIES / PER_PART;
        for (int part = 0; part < parts; part++) {
            Announcement a = part(id, publishedAt, edition, part, parts);
            producer.send(TestAnnouncementLog.record(topics.announcements(), a));
        }
        producer.commitTransaction();
        long start = System.nanoTime();
        await().atMost(WAIT)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> receipt(topics, id).isPresent());
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static int amendedInSecondEdition() {
        // every tenth of the entries kept (the first 98 %)
        return (ENTRIES - ENTRIES / 50 + 9) / 10;
    }

    /**
     * Part {@code part} of an edition. Edition 0 names targets 0 to 199,999; edition 1 drops the last 2 % of them,
     * names as many new ones, and gives every tenth kept target another position.
     */
    private static Announcement part(String id, Instant publishedAt, int edition, int part, int parts) {
        List<Action> entries = new ArrayList<>(PER_PART);
        int kept = ENTRIES - ENTRIES / 50;
        for (int index = part * PER_PART; index < (part + 1) * PER_PART; index++) {
            int target = edition == 0 || index < kept ? index : ENTRIES + (index - kept);
            String position = edition == 1 && index < kept && index % 10 == 0 ? "edited" : "first";
            entries.add(entry(String.format("SDN-%07d", target), position));
        }
        return Announcement.newBuilder()
                .setAnnouncementId(id)
                .setAuthority("US-OFAC")
                .setJurisdiction("US")
                .setPublishedAt(publishedAt)
                .setEffectiveFrom(publishedAt.toString().substring(0, 10))
                .setTitle("SDN list " + id)
                .setSourceUrl("https://sanctionslist.ofac.treas.gov/" + id)
                .setActions(entries)
                .setSnapshot(Snapshot.newBuilder()
                        .setList("SDN")
                        .setMaxDelistFraction(0.05)
                        .setPart(part)
                        .setParts(parts)
                        .setFirstIndex(part * PER_PART)
                        .build())
                .build();
    }

    private static Action entry(String targetId, String position) {
        return Action.newBuilder()
                .setAction(ActionType.DESIGNATE)
                .setTarget(Target.newBuilder()
                        .setId(targetId)
                        .setKind(TargetKind.PERSON)
                        .setName("Person " + targetId)
                        .setAliases(List.of("Alias one of " + targetId, "Alias two of " + targetId))
                        .setBirthDates(List.of("1970-01-01"))
                        .setNationalities(List.of("RU"))
                        .setPosition(position)
                        .setIdentifiers(List.of(new Identifier("PASSPORT", targetId, "RU")))
                        .build())
                .setMeasures(List.of(new Measure(MeasureType.ASSET_FREEZE, null)))
                .setPrograms(List.of("RUSSIA-EO14024"))
                .build();
    }

    private static Optional<AnnouncementReceipt> receipt(Topics topics, String id) {
        List<AnnouncementReceipt> receipts =
                CommittedOutput.values(KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl(), topics.receipts());
        return receipts.stream().filter(r -> r.getAnnouncementId().equals(id)).findFirst();
    }

    /**
     * The most heap in use before ({@code group} 1) or after (2) any collection, from lines such as {@code Pause Young
     * ... 180M->50M(256M)}.
     */
    private static long peakHeapMib(Path gcLog, int group) throws IOException {
        long peak = -1;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(group)));
            }
        }
        return peak;
    }
}
