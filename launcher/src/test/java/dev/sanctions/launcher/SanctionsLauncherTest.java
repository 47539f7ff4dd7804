package dev.sanctions.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The ./sanctions command line: the cli module's commands and the ones that start a broker in-process. */
class SanctionsLauncherTest {

    @Test
    void helpListsTheCommandsAndExitsZero() {
        LauncherRun run = LauncherRun.of("--help");
        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains(
                        "init",
                        "publish",
                        "import",
                        "processor",
                        "subscribe",
                        "state",
                        "replay",
                        "dev",
                        "demo",
                        "bench");
    }

    @Test
    void addsDevDemoAndBenchAfterTheCommandsOfTheCliAndBeforeHelp() {
        assertThat(SanctionsLauncher.commandLine().getSubcommands().keySet())
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
                        "dev",
                        "demo",
                        "bench",
                        "help");
    }

    @Test
    void versionNamesTheKafkaClientsAndExitsZero() {
        LauncherRun run = LauncherRun.of("--version");
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("sanctions ").contains("Kafka clients ", "Java ");
    }

    @Test
    void theCommandsThatStartABrokerSayWhichCommonOptionsTheyDoNotUse() {
        // --actions 0 is refused before a broker starts, after the note.
        LauncherRun run = LauncherRun.of("bench", "--bootstrap-servers", "elsewhere:9092", "--actions", "0");
        assertThat(run.err())
                .contains("sanctions bench: --bootstrap-servers is not used")
                .contains("--actions must be at least 1");
        assertThat(run.code()).isEqualTo(2);
    }

    @Test
    void devRefusesTlsWithoutSecureBeforeStartingAnything() {
        LauncherRun run = LauncherRun.of("dev", "--tls", "--data-dir", "target/never-created");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--tls goes with --secure");
        assertThat(java.nio.file.Path.of("target/never-created")).doesNotExist();
    }

    @Test
    void usageLinesFitTheWidthAndBreakBetweenWordsOnly() {
        List<CommandLine> commands = new ArrayList<>();
        collect(SanctionsLauncher.commandLine(), commands);
        for (CommandLine command : commands) {
            String name = command.getCommandSpec().qualifiedName();
            int width = command.getUsageHelpWidth();
            String synopsis = synopsis(command);
            assertThat(synopsis.lines())
                    .as("usage of %s, at most %d columns:%n%s", name, width, synopsis)
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(width));
            assertThat(command.getUsageMessage(CommandLine.Help.Ansi.OFF).lines())
                    .as("help of %s, at most %d columns", name, width)
                    .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(width));

            // The same usage on one unbounded line: wrapping may only have put line breaks between its words.
            CommandLine unwrapped = SanctionsLauncher.commandLine();
            for (String sub : name.split(" ")) {
                unwrapped = sub.equals(unwrapped.getCommandName())
                        ? unwrapped
                        : unwrapped.getSubcommands().get(sub);
            }
            unwrapped.setUsageHelpWidth(10_000);
            assertThat(words(synopsis)).as("usage of %s:%n%s", name, synopsis).isEqualTo(words(synopsis(unwrapped)));
        }
    }

    /** The usage line as {@code --help} prints it: its heading and the synopsis. */
    private static String synopsis(CommandLine command) {
        CommandLine.Help help = new CommandLine.Help(
                command.getCommandSpec(), CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        Map<String, CommandLine.IHelpSectionRenderer> sections = command.getHelpSectionMap();
        return sections.get(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS_HEADING)
                        .render(help)
                + sections.get(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS)
                        .render(help);
    }

    private static List<String> words(String text) {
        return List.of(text.strip().split("\\s+"));
    }

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, all));
    }
}
