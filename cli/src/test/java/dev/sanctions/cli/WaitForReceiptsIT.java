package dev.sanctions.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sanctions.core.Topics;
import dev.sanctions.processor.ProcessorSettings;
import dev.sanctions.processor.SanctionsProcessor;
import dev.sanctions.testkit.KafkaBackendExtension;
import dev.sanctions.testkit.UniqueNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code publish --wait} and {@code import --wait} against the in-process broker, with and without a processor. */
class WaitForReceiptsIT {

    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    private static final Path UN = Path.of("src/test/resources/formats/un-consolidated.xml");
    private static final String DESIGNATE = "{\"announcementId\":\"jp-wait-1\",\"authority\":\"JP-MOFA\","
            + "\"jurisdiction\":\"JP\",\"publishedAt\":\"2022-04-08T10:00:00+09:00\",\"title\":\"t\",\"actions\":["
            + "{\"action\":\"DESIGNATE\",\"target\":{\"id\":\"RU-P-1\",\"kind\":\"PERSON\",\"name\":\"N\"},"
            + "\"measures\":[\"ASSET_FREEZE\"]}]}";
    private static final String DELIST_UNKNOWN = "{\"announcementId\":\"jp-wait-2\",\"authority\":\"JP-MOFA\","
            + "\"jurisdiction\":\"JP\",\"publishedAt\":\"2022-04-09T10:00:00+09:00\",\"title\":\"t\",\"actions\":["
            + "{\"action\":\"DESIGNATE\",\"target\":{\"id\":\"RU-P-2\",\"kind\":\"PERSON\",\"name\":\"M\"},"
            + "\"measures\":[\"ASSET_FREEZE\"]},"
            + "{\"action\":\"DELIST\",\"target\":{\"id\":\"RU-P-404\"},\"reason\":\"r\"}]}";

    @TempDir
    Path dir;

    private String prefix;
    private SanctionsProcessor processor;

    @BeforeEach
    void ownTopics() {
        prefix = UniqueNames.of("wait") + ".";
        CliRun init = CliRun.of(args("init", "--partitions", "2", "--replication-factor", "1", "--jurisdiction", "JP"));
        assertThat(init.code()).as(init.err()).isZero();
    }

    @AfterEach
    void stopProcessor() {
        if (processor != null) {
            processor.close();
        }
    }

    @Test
    void oneValidAnnouncementExitsZeroWithItsReceipt() throws IOException {
        Path file = write("designate.json", DESIGNATE);
        processor = startProcessor();
        CliRun run = publish(file, "--wait", "--timeout", "60s");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines())
                .contains("receipt jp-wait-1 (JP-MOFA): 1 designated, 0 amended, 0 delisted, 0 unchanged, 0 rejected")
                .noneMatch(line -> line.contains("rejected action"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aDelistOfAnUnknownIdExitsThreeWithTheRejectionAndOnlyThisAnnouncementsReceipt() throws IOException {
        Path earlier = write("designate.json", DESIGNATE);
        Path file = write("delist-unknown.json", DELIST_UNKNOWN);
        processor = startProcessor();
        assertThat(publish(earlier, "--wait").code()).isZero();

        CliRun run = publish(file, "--wait", "--timeout", "60s");

        assertThat(run.code()).as(run.err()).isEqualTo(3);
        List<String> receipts =
                run.out().lines().filter(line -> !line.startsWith("published ")).toList();
        // The receipt of the earlier announcement is on the topic too, but before the mark: it is not shown.
        assertThat(receipts).hasSize(2);
        assertThat(receipts.get(0))
                .isEqualTo("receipt jp-wait-2 (JP-MOFA): 1 designated, 0 amended, 0 delisted, 0 unchanged, 1 rejected");
        assertThat(receipts.get(1))
                .isEqualTo("  rejected action #1 DELIST JP-MOFA/RU-P-404: UNKNOWN_DESIGNATION: DELIST of"
                        + " JP-MOFA/RU-P-404: no such designation; it must be designated first");
        assertThat(run.err()).contains("published, but not all of it took effect");
    }

    @Test
    void withoutAProcessorItExitsOneAfterTheTimeoutNamingWhatHasNoReceipt() throws IOException {
        Path file = write("designate.json", DESIGNATE);

        CliRun run = publish(file, "--wait", "--timeout", "2s");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out())
                .contains("published jp-wait-1 (JP-MOFA, 1 action)")
                .doesNotContain("receipt");
        assertThat(run.err())
                .contains("no receipt after 2s for 1 announcement: jp-wait-1 (JP-MOFA)")
                .contains("is the processor running and reading "
                        + Topics.withPrefix(prefix).announcements());
    }

    @Test
    void importWaitsForTheOneReceiptOfTheSnapshot() {
        processor = startProcessor();
        CliRun run = CliRun.of(
                args("import", "un-xml", UN.toString(), "--publisher-id", UniqueNames.of("importer"), "--wait"));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(line -> line.startsWith("receipt ")))
                .singleElement()
                .asString()
                .matches("receipt un-xml-consolidated-2026-02-27-[0-9a-f]{16} \\(UN-SC\\): 7 designated, 0 amended,"
                        + " 0 delisted, 0 unchanged, 0 rejected");
    }

    private SanctionsProcessor startProcessor() {
        SanctionsProcessor processor =
                SanctionsProcessor.start(ProcessorSettings.builder(KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl())
                        .topics(Topics.withPrefix(prefix))
                        .applicationId(UniqueNames.of("wait-processor"))
                        .stateDir(dir.resolve("state"))
                        .replicationFactor((short) 1)
                        .http("127.0.0.1", 0)
                        .build());
        await().atMost(Duration.ofSeconds(60)).until(() -> processor.state() == KafkaStreams.State.RUNNING);
        return processor;
    }

    private CliRun publish(Path file, String... options) {
        List<String> command = new ArrayList<>(List.of("publish", file.toString()));
        command.addAll(List.of(options));
        command.addAll(List.of("--publisher-id", UniqueNames.of("publisher")));
        return CliRun.of(args(command.toArray(String[]::new)));
    }

    private Path write(String name, String announcement) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, announcement + "\n");
        return file;
    }

    private String[] args(String... command) {
        return CliRun.onCluster(KAFKA.backend(), prefix, command);
    }
}
