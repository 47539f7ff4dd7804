package dev.sanctions.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.launcher.DocumentedCommands.DocumentedCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples, run as a new user runs them: every {@code ./sanctions} line of its shell blocks, in order,
 * against the pipeline {@code dev} runs, each ending with the exit code its comment names ({@code # exit 3: …}, else
 * 0) and printing the {@code # …} lines shown under it. An example that breaks, or output that drifts from what the
 * README quotes, fails here.
 */
class ReadmeExamplesIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** The README's commands that are not run, and why; anything else in its shell blocks is. */
    private static final Map<String, String> NOT_RUN = Map.of(
            "dev",
            "runs until Ctrl-C: the test starts the same pipeline (EmbeddedPipeline, on free ports) in its place and"
                    + " points every other command at it, as the README's second terminal is pointed at dev");

    /** Where a command writes a file it is told to ({@code --output NAME}): the test's directory, not the checkout. */
    private static final String OUTPUT = "--output";

    @TempDir
    Path dir;

    @Test
    void everyReadmeExampleRunsAndPrintsWhatTheReadmeShows() throws Exception {
        List<DocumentedCommand> commands = DocumentedCommands.in(ROOT.resolve("README.md"));
        assertThat(commands.stream().map(c -> c.words().get(0)))
                .as("the README's walk-through")
                .contains("demo", "dev", "publish", "subscribe", "state", "replay", "rejected", "import");
        assertThat(commands)
                .as("README lines that show what a command prints")
                .anySatisfy(c -> assertThat(c.words()).contains("--wait"))
                .filteredOn(c -> !c.output().isEmpty())
                .hasSizeGreaterThanOrEqualTo(3);

        try (EmbeddedPipeline pipeline = EmbeddedPipeline.start(dir.resolve("dev"), 0, 0, 0)) {
            for (DocumentedCommand command : commands) {
                if (NOT_RUN.containsKey(command.words().get(0))) {
                    continue;
                }
                LauncherRun run = run(pipeline, command);
                // What ran, in the test's log: the README's walk-through as a user would see it.
                System.out.printf("%s: exit %d%n%s%s", command, run.code(), run.out(), run.err());
                assertThat(run.code())
                        .as("exit code of %s%n--- stdout:%n%s--- stderr:%n%s", command, run.out(), run.err())
                        .isEqualTo(command.exitCode());
                List<String> printed = Stream.concat(
                                run.out().lines(), run.err().lines())
                        .map(String::strip)
                        .toList();
                for (String shown : command.output()) {
                    assertThat(printed)
                            .as("%s prints \"%s\"; it printed:%n%s", command, shown, String.join("\n", printed))
                            .anyMatch(line -> DocumentedCommands.shows(shown, line));
                }
            }
        }
    }

    /**
     * The command as the README writes it, pointed at the pipeline, its files (words with a {@code /}) found in the
     * checkout.
     */
    private LauncherRun run(EmbeddedPipeline pipeline, DocumentedCommand command) {
        List<String> args = new ArrayList<>();
        List<String> words = command.words();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (i > 0 && words.get(i - 1).equals(OUTPUT)) {
                args.add(dir.resolve(word).toString());
            } else if (word.contains("/") && Files.exists(ROOT.resolve(word))) {
                args.add(ROOT.resolve(word).toString());
            } else {
                args.add(word);
            }
        }
        String name = words.get(0);
        if (!List.of("demo", "bench").contains(name)) {
            args.addAll(List.of(
                    "--bootstrap-servers",
                    pipeline.bootstrapServers(),
                    "--schema-registry-url",
                    pipeline.schemaRegistryUrl()));
        }
        if (name.equals("state")) {
            args.addAll(List.of("--http-url", pipeline.httpUrl()));
        }
        LauncherRun run = LauncherRun.of(args);
        // Paths print as the README writes them: relative to the checkout.
        return new LauncherRun(run.code(), relative(run.out()), relative(run.err()));
    }

    private String relative(String printed) {
        return printed.replace(ROOT + "/", "").replace(dir + "/", "");
    }
}
