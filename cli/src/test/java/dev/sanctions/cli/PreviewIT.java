package dev.sanctions.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sanctions.core.Topics;
import dev.sanctions.processor.ProcessorSettings;
import dev.sanctions.processor.SanctionsProcessor;
import dev.sanctions.processor.setup.PipelineSetup;
import dev.sanctions.registry.client.RestSchemaRegistryClient;
import dev.sanctions.testkit.KafkaBackendExtension;
import dev.sanctions.testkit.UniqueNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The dry runs of publish and import against the current state the processor keeps, on the in-process broker. */
class PreviewIT {

    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    private static final Path UN = Path.of("src/test/resources/formats/un-consolidated.xml");

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private String prefix;
    private SanctionsProcessor processor;

    @BeforeEach
    void pipeline() {
        prefix = UniqueNames.of("preview") + ".";
        Topics topics = Topics.withPrefix(prefix);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()));
                RestSchemaRegistryClient registry =
                        RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", KAFKA.schemaRegistryUrl()))) {
            new PipelineSetup(admin, registry, topics, 2, (short) 1).run(List.of("JP", "UN"));
        }
        processor =
                SanctionsProcessor.start(ProcessorSettings.builder(KAFKA.bootstrapServers(), KAFKA.schemaRegistryUrl())
                        .topics(topics)
                        .applicationId(UniqueNames.of("preview-processor"))
                        .stateDir(dir.resolve("state"))
                        .replicationFactor((short) 1)
                        .http("127.0.0.1", 0)
                        .build());
    }

    @AfterEach
    void stop() {
        processor.close();
    }

    @Test
    void aDryRunOfAnAmendmentAfterPublishingShowsAmendedWithItsChangedFields() throws IOException {
        Path designate = write(
                "designate.json",
                announcement(
                        "jp-1",
                        "{\"action\":\"DESIGNATE\",\"target\":{\"id\":\"RU-P-1\",\"kind\":\"PERSON\",\"name\":\"Ivan\"},"
                                + "\"measures\":[\"ASSET_FREEZE\"]}"));
        Path amend = write(
                "amend.json",
                announcement(
                        "jp-2",
                        "{\"action\":\"AMEND\",\"target\":{\"id\":\"RU-P-1\",\"aliases\":[\"Vanya\"]}}",
                        "{\"action\":\"AMEND\",\"target\":{\"id\":\"RU-P-2\",\"name\":\"Nobody\"}}"));

        CliRun before = cli("publish", amend.toString(), "--dry-run");
        assertThat(before.code()).isZero();
        assertThat(before.out()).contains("  #0 JP-MOFA/RU-P-1: rejected UNKNOWN_DESIGNATION: ");

        CliRun published = cli("publish", designate.toString(), "--publisher-id", UniqueNames.of("publisher"));
        assertThat(published.code()).as(published.err()).isZero();

        await().atMost(WAIT).untilAsserted(() -> {
            CliRun preview = cli("publish", amend.toString(), "--dry-run");
            assertThat(preview.code()).isZero();
            List<String> lines = preview.out().lines().toList();
            assertThat(lines)
                    .containsSubsequence(
                            "  #0 JP-MOFA/RU-P-1: AMENDED target.aliases",
                            "1 announcement valid; nothing published (--dry-run).",
                            Preview.ADVISORY);
            assertThat(lines)
                    .anySatisfy(line ->
                            assertThat(line).startsWith("  #1 JP-MOFA/RU-P-2: rejected" + " UNKNOWN_DESIGNATION: "));
            assertThat(lines.get(lines.size() - 1)).isEqualTo(Preview.ADVISORY);
        });
        // The same file again would be a duplicate.
        assertThat(cli("publish", designate.toString(), "--dry-run").out())
                .contains("  rejected DUPLICATE_ANNOUNCEMENT: ");
    }

    @Test
    void aDryRunImportOfTheListCutToAThirdReportsThatTheGuardWouldRefuseIt() throws IOException {
        CliRun first = cli("import", "un-xml", UN.toString(), "--dry-run");
        assertThat(first.out())
                .contains("compared with the current state: would designate 7, amend 0, delist 0, leave 0 unchanged;"
                        + " 0 rejected")
                .contains("the guard would let it through");
        CliRun imported = cli("import", "un-xml", UN.toString(), "--publisher-id", UniqueNames.of("importer"));
        assertThat(imported.code()).as(imported.err()).isZero();
        Path cut = write("cut.xml", cutToTwoOfSeven(Files.readString(UN)));

        await().atMost(WAIT).untilAsserted(() -> {
            CliRun preview = cli("import", "un-xml", cut.toString(), "--dry-run");
            assertThat(preview.code()).as(preview.err()).isZero();
            assertThat(preview.out())
                    .contains("read un-xml: 2 entries of UN-SC list CONSOLIDATED")
                    .contains("compared with the current state: past its guard it would designate 0, amend 0,"
                            + " delist 5, leave 2 unchanged; 0 rejected")
                    .contains("the guard would refuse it: SNAPSHOT_GUARD: the snapshot would delist 5 of the 7"
                            + " ACTIVE designations of UN-SC list CONSOLIDATED")
                    .endsWith(Preview.ADVISORY + System.lineSeparator());
        });
        assertThat(cli("import", "un-xml", UN.toString(), "--dry-run").out())
                .contains("the processor would refuse it: DUPLICATE_ANNOUNCEMENT: ");
    }

    @Test
    void withoutAReachableClusterTheDryRunSaysSoAndValidatesOnly() throws IOException {
        Path file = write("one.json", announcement("jp-9", "{\"action\":\"DELIST\",\"target\":{\"id\":\"RU-P-1\"}}"));

        CliRun run = CliRun.of("publish", file.toString(), "--dry-run", "--bootstrap-servers", "127.0.0.1:1");

        assertThat(run.code()).isZero();
        assertThat(run.out().lines())
                .containsExactly(
                        "would publish jp-9 (JP-MOFA, 1 action) from " + file + ":1",
                        "1 announcement valid; nothing published (--dry-run).",
                        "no preview against the current state: the cluster at 127.0.0.1:1 did not answer within 5"
                                + " s; validated only.");
    }

    private CliRun cli(String... args) {
        return CliRun.of(CliRun.onCluster(KAFKA.backend(), prefix, args));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static String announcement(String id, String... actions) {
        return "{\"announcementId\":\"" + id + "\",\"authority\":\"JP-MOFA\",\"jurisdiction\":\"JP\","
                + "\"publishedAt\":\"2022-04-08T10:00:00+09:00\",\"title\":\"t\",\"actions\":["
                + String.join(",", actions) + "]}\n";
    }

    /** The excerpt without its three entities and its last two individuals: a download cut short. */
    private static String cutToTwoOfSeven(String xml) {
        String cut = xml.replaceAll("(?s)<ENTITY>.*?</ENTITY>\\s*", "");
        for (int i = 0; i < 2; i++) {
            int start = cut.lastIndexOf("<INDIVIDUAL>");
            int end = cut.indexOf("</INDIVIDUAL>", start) + "</INDIVIDUAL>".length();
            cut = cut.substring(0, start) + cut.substring(end);
        }
        return cut;
    }
}
