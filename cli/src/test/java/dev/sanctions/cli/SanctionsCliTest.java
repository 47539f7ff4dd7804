package dev.sanctions.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's contract with scripts: exit codes, one readable line per problem, no stack traces. */
class SanctionsCliTest {

    @TempDir
    Path dir;

    @Test
    void helpListsTheCommandsAndExitsZero() {
        Run run = run("--help");
        assertThat(run.code).isZero();
        assertThat(run.out).contains("init", "publish", "import", "processor", "subscribe", "state", "replay");
    }

    @Test
    void theImageHasOnlyTheCommandsThatWorkAgainstAnExistingCluster() {
        // dev, demo and bench start a broker in-process: they are the launcher's, so the image carries no broker.
        assertThat(SanctionsCli.commandLine().getSubcommands().keySet())
                .containsExactly(
                        "init",
                        "publish",
                        "import",
                        "processor",
                        "subscribe",
                        "state",
                        "replay",
                        "rejected",
                        "dlq",
                        "access",
                        "help");
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageErrorWithExitTwo() {
        assertThat(run("frobnicate").code).isEqualTo(2);
        Run run = run("publish", "--no-such-option", "x.json");
        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("Unknown option: '--no-such-option'").contains("sanctions publish --help");
    }

    @Test
    void anInvalidFileExitsTwoWithOneLinePerProblemAndContactsNoBroker() throws IOException {
        Path file = dir.resolve("round-3.jsonl");
        Files.writeString(
                file,
                "{\"announcementId\":\"a-1\",\"authority\":\"JP-MOFA\",\"jurisdiction\":\"JP\","
                        + "\"publishedAt\":\"2022-04-08T10:00:00+09:00\",\"title\":\"t\",\"actions\":[{\"action\":\"DESIGNATE\","
                        + "\"target\":{\"id\":\"RU-P-1\",\"kind\":\"PERSON\"},\"measures\":[\"ASSET_FREEZE\"]}]}\n");

        // An unreachable broker: if anything were sent, the command would fail with exit 1 instead.
        Run run = run("publish", file.toString(), "--bootstrap-servers", "127.0.0.1:1");

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err)
                .startsWith(file + ":1: actions[0].target.name: required for DESIGNATE")
                .contains("1 problem found; nothing was published")
                .doesNotContain("Exception");
    }

    @Test
    void countsReadInTheRightNumber() throws IOException {
        Path file = dir.resolve("one.json");
        Files.writeString(
                file,
                "{\"announcementId\":\"a-1\",\"authority\":\"JP-MOFA\",\"jurisdiction\":\"JP\","
                        + "\"publishedAt\":\"2022-04-08T10:00:00+09:00\",\"title\":\"t\",\"actions\":[{\"action\":\"DESIGNATE\","
                        + "\"target\":{\"id\":\"RU-P-1\",\"kind\":\"PERSON\",\"name\":\"N\"},\"measures\":[\"ASSET_FREEZE\"]}]}\n");

        Run run = run("publish", "--dry-run", file.toString());

        assertThat(run.code).isZero();
        assertThat(run.out)
                .contains("would publish a-1 (JP-MOFA, 1 action) from ")
                .contains("1 announcement valid; nothing published");
    }

    @Test
    void aJurisdictionThatIsNoCodeIsBadInputNamingTheRightOne() {
        // Before any broker is contacted: 127.0.0.1:1 would otherwise make it a runtime failure.
        Run subscribe = run("subscribe", "--jurisdiction", "UK", "--bootstrap-servers", "127.0.0.1:1");
        assertThat(subscribe.code).isEqualTo(2);
        assertThat(subscribe.err).contains("'UK' is not an ISO 3166-1 code: the United Kingdom's code is GB");

        Run init = run("init", "--jurisdiction", "japan", "--bootstrap-servers", "127.0.0.1:1");
        assertThat(init.code).isEqualTo(2);
        assertThat(init.err).contains("--jurisdiction: 'JAPAN' is not a jurisdiction");
    }

    @Test
    void enumOptionsTakeAnyCaseAsJurisdictionsDo() {
        CommandLine commandLine = SanctionsCli.commandLine();
        commandLine.parseArgs("state", "list", "--status", "active");
        Object list = commandLine
                .getSubcommands()
                .get("state")
                .getSubcommands()
                .get("list")
                .getCommand();
        assertThat(((StateCommand.ListStates) list).status).hasToString("ACTIVE");
    }

    @Test
    void anAnnouncementOverTheSizeLimitExitsTwoWithItsFileAndLine() throws IOException {
        Path file = dir.resolve("too-large.json");
        StringBuilder json = new StringBuilder("{\"announcementId\":\"a-1\",\"authority\":\"JP-MOFA\","
                + "\"jurisdiction\":\"JP\",\"publishedAt\":\"2022-04-08T10:00:00+09:00\",\"title\":\"t\",\n"
                + "\"actions\":[");
        String name = "n".repeat(1_000);
        for (int i = 0; i < 9_000; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"action\":\"DESIGNATE\",\"target\":{\"id\":\"T-")
                    .append(i)
                    .append("\",\"kind\":\"PERSON\",\"name\":\"")
                    .append(name)
                    .append("\"},\"measures\":[\"ASSET_FREEZE\"]}");
        }
        Files.writeString(file, json.append("]}\n"));

        Run run = run("publish", file.toString(), "--bootstrap-servers", "127.0.0.1:1");

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err)
                .startsWith(file + ":1: announcement: serialized size ")
                .contains(" bytes exceeds the limit 8388608; split its actions over several announcements")
                .contains("1 problem found; nothing was published");
    }

    @Test
    void aPublisherIdOfOtherCharactersIsBadInputBeforeAnyBrokerIsContacted() throws IOException {
        Path file = dir.resolve("valid.json");
        Files.writeString(
                file,
                "{\"announcementId\":\"a-1\",\"authority\":\"JP-MOFA\",\"jurisdiction\":\"JP\","
                        + "\"publishedAt\":\"2022-04-08T10:00:00+09:00\",\"title\":\"t\",\"actions\":[{\"action\":\"DESIGNATE\","
                        + "\"target\":{\"id\":\"RU-P-1\",\"kind\":\"PERSON\",\"name\":\"N\"},\"measures\":[\"ASSET_FREEZE\"]}]}\n");

        Run run = run("publish", file.toString(), "--publisher-id", "jp desk", "--bootstrap-servers", "127.0.0.1:1");

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("--publisher-id: publisher id must be 1-100 characters");
    }

    @Test
    void aMissingCommandConfigFileIsBadInput() {
        Run run = run(
                "replay",
                "verify",
                "--command-config",
                dir.resolve("absent.properties").toString());
        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("--command-config: file").contains("does not exist");
    }

    @Test
    void anErrorNamesTheWholeCommand() {
        Run badUrl = run("state", "get", "JP-MOFA/X", "--http-url", "ftp://processor");
        assertThat(badUrl.code).isEqualTo(2);
        assertThat(badUrl.err).startsWith("sanctions state get: --http-url: 'ftp://processor' is not an HTTP URL");

        Run badOption = run("state", "get", "JP-MOFA/X", "--as-of", "yesterday");
        assertThat(badOption.code).isEqualTo(2);
        assertThat(badOption.err)
                .startsWith("sanctions state get: ")
                .contains("'yesterday' is not an instant")
                .contains("Try 'sanctions state get --help' for the usage.");
    }

    @Test
    void aClientThatCannotBeBuiltSaysWhyNotJustThatItFailed() throws IOException {
        Path config = dir.resolve("sasl.properties");
        Files.writeString(config, "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n");

        Run run = run(
                "rejected",
                "--command-config",
                config.toString(),
                "--bootstrap-servers",
                "127.0.0.1:1",
                "--max-idle",
                "1s");

        assertThat(run.code).isEqualTo(1);
        assertThat(run.err.lines().findFirst())
                .hasValueSatisfying(line -> assertThat(line)
                        .startsWith("sanctions rejected: ")
                        .contains("Failed to construct kafka consumer: ")
                        .contains("JAAS"));
        assertThat(run.err).doesNotContain("Exception:", "\tat ");
    }

    @Test
    void helpListsOnlyTheOptionsACommandUses() {
        Run stateGet = run("state", "get", "--help");
        assertThat(stateGet.out).contains("--http-url").doesNotContain("--bootstrap-servers", "--topic-prefix");
        Run subscribe = run("subscribe", "--help");
        assertThat(subscribe.out)
                .contains("--bootstrap-servers", "--topic-prefix")
                .doesNotContain("--http-url");
        assertThat(run("rejected", "--help").out).contains("--from", "--wide").doesNotContain("--http-url", "--group");

        // Still accepted, as by every command: --http-url is checked, so the connection option was parsed.
        Run accepted = run("state", "get", "JP-MOFA/X", "--bootstrap-servers", "k:9092", "--http-url", "ftp://x");
        assertThat(accepted.err).contains("--http-url: 'ftp://x' is not an HTTP URL");
    }

    @Test
    void helpBreaksLinesBetweenWordsOnly() {
        List<CommandLine> commands = new ArrayList<>();
        collect(SanctionsCli.commandLine(), commands);
        for (CommandLine command : commands) {
            String help = oneLine(command.getUsageMessage(CommandLine.Help.Ansi.OFF));
            for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
                if (!option.hidden()) {
                    assertThat(help)
                            .as(
                                    "help of %s, option %s",
                                    command.getCommandSpec().qualifiedName(), option.longestName())
                            .contains(oneLine(String.join(" ", option.description())));
                }
            }
        }
    }

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, all));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    @Test
    void durationsAndInstantsReadAsPeopleTypeThem() {
        Durations durations = new Durations();
        assertThat(durations.convert("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(durations.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(durations.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> durations.convert("soon"))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("e.g. 500ms, 5s");

        Instants instants = new Instants();
        assertThat(instants.convert("2022-04-08T10:00:00+09:00")).isEqualTo(Instant.parse("2022-04-08T01:00:00Z"));
        assertThat(instants.convert("2022-03-01")).isEqualTo(Instant.parse("2022-03-01T23:59:59.999Z"));
        assertThatThrownBy(() -> instants.convert("1 March")).isInstanceOf(CommandLine.TypeConversionException.class);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SanctionsCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {}
}
