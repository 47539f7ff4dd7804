package dev.sanctions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.avro.RejectionReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --wait [--timeout]} of publish and import without a broker: parsing, usage errors, the printed lines. */
class WaitOptionsTest {

    /** Nothing listens here: a command that tried to publish or wait would fail with exit 1. */
    private static final String NO_BROKER = "127.0.0.1:1";

    private static final Path UN = Path.of("src/test/resources/formats/un-consolidated.xml");

    @TempDir
    Path dir;

    @Test
    void waitAloneWaitsSixtySecondsAndTimeoutTakesADuration() {
        PublishCommand plain = parse(new PublishCommand(), "a.json");
        assertThat(plain.publishing.waiting).isNull();

        PublishCommand waiting = parse(new PublishCommand(), "a.json", "--wait");
        assertThat(waiting.publishing.waiting.wait).isTrue();
        assertThat(waiting.publishing.waiting.timeout()).isEqualTo(Duration.ofSeconds(60));

        ImportCommand importing = parse(new ImportCommand(), "un-xml", "un.xml", "--timeout", "2m", "--wait");
        assertThat(importing.publishing.waiting.timeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void timeoutWithoutWaitIsAUsageErrorForBothCommands() throws IOException {
        CliRun publish =
                CliRun.of("publish", validFile().toString(), "--timeout", "5s", "--bootstrap-servers", NO_BROKER);
        assertThat(publish.code()).isEqualTo(2);
        assertThat(publish.err()).contains("--wait").contains("sanctions publish --help");

        CliRun importing =
                CliRun.of("import", "un-xml", UN.toString(), "--timeout", "5s", "--bootstrap-servers", NO_BROKER);
        assertThat(importing.code()).isEqualTo(2);
        assertThat(importing.err()).contains("--wait").contains("sanctions import --help");
    }

    @Test
    void aTimeoutThatIsNotPositiveIsBadInputBeforeAnythingIsPublished() throws IOException {
        CliRun run = CliRun.of(
                "publish", validFile().toString(), "--wait", "--timeout", "0s", "--bootstrap-servers", NO_BROKER);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--timeout must be positive");
        assertThat(run.out()).doesNotContain("published");
    }

    @Test
    void helpOfBothCommandsShowsWaitAndTimeoutAndExitThree() {
        for (String command : List.of("publish", "import")) {
            CliRun help = CliRun.of(command, "--help");
            assertThat(help.code()).isZero();
            assertThat(help.out()).contains("--wait", "--timeout=DURATION", "exit 3");
        }
    }

    @Test
    void aReceiptIsOneLineOfCountsAndARejectionOneLineOfIndexKeyReasonAndMessage() {
        RejectedAction unknown =
                rejection(1, ActionType.DELIST, "JP-MOFA/RU-P-404", RejectionReason.UNKNOWN_DESIGNATION);
        RejectedAction duplicate = rejection(null, null, null, RejectionReason.DUPLICATE_ANNOUNCEMENT);
        AnnouncementReceipt receipt = AnnouncementReceipt.newBuilder()
                .setAnnouncementId("jp-1")
                .setAuthority("JP-MOFA")
                .setJurisdiction("JP")
                .setPublishedAt(Instant.parse("2022-04-08T01:00:00Z"))
                .setActions(5)
                .setDesignated(1)
                .setAmended(2)
                .setDelisted(3)
                .setUnchanged(4)
                .setRejected(5)
                .setRejections(List.of(unknown))
                .build();

        assertThat(ReceiptWait.line(receipt))
                .isEqualTo("receipt jp-1 (JP-MOFA): 1 designated, 2 amended, 3 delisted, 4 unchanged, 5 rejected");
        assertThat(ReceiptWait.line(unknown))
                .isEqualTo(
                        "  rejected action #1 DELIST JP-MOFA/RU-P-404: UNKNOWN_DESIGNATION: why UNKNOWN_DESIGNATION");
        assertThat(ReceiptWait.line(duplicate))
                .isEqualTo("  rejected the announcement: DUPLICATE_ANNOUNCEMENT: why DUPLICATE_ANNOUNCEMENT");
    }

    private static RejectedAction rejection(Integer index, ActionType action, String key, RejectionReason reason) {
        return RejectedAction.newBuilder()
                .setAnnouncementId("jp-1")
                .setAuthority("JP-MOFA")
                .setJurisdiction("JP")
                .setPublishedAt(Instant.parse("2022-04-08T01:00:00Z"))
                .setActionIndex(index)
                .setAction(action)
                .setDesignationKey(key)
                .setReason(reason)
                .setMessage("why " + reason)
                .build();
    }

    private Path validFile() throws IOException {
        Path file = dir.resolve("one.json");
        Files.writeString(
                file,
                "{\"announcementId\":\"a-1\",\"authority\":\"JP-MOFA\",\"jurisdiction\":\"JP\","
                        + "\"publishedAt\":\"2022-04-08T10:00:00+09:00\",\"title\":\"t\",\"actions\":[{\"action\":"
                        + "\"DESIGNATE\",\"target\":{\"id\":\"RU-P-1\",\"kind\":\"PERSON\",\"name\":\"N\"},"
                        + "\"measures\":[\"ASSET_FREEZE\"]}]}\n");
        return file;
    }

    private static <T> T parse(T command, String... args) {
        new CommandLine(command).parseArgs(args);
        return command;
    }
}
