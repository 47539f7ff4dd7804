package dev.sanctions.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.sanctions.launcher.DocumentedCommands.DocumentedCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code ./sanctions …} command line shown in a shell block of the README or of docs/*.md parses: its
 * command exists and takes the options and arguments written. A renamed option fails here, not for the reader who
 * copies the line.
 */
class DocumentedCommandsTest {

    private static final Path ROOT = Path.of("..");

    static Stream<DocumentedCommand> documentedCommands() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<DocumentedCommand> commands = new ArrayList<>();
        for (Path page : pages) {
            commands.addAll(DocumentedCommands.in(page));
        }
        assertThat(commands).as("command lines in README.md and docs/").hasSizeGreaterThan(10);
        return commands.stream();
    }

    @ParameterizedTest
    @MethodSource("documentedCommands")
    void parses(DocumentedCommand command) {
        assertThatCode(() -> SanctionsLauncher.commandLine()
                        .parseArgs(command.words().toArray(String[]::new)))
                .as(command.toString())
                .doesNotThrowAnyException();
    }

    @Test
    void aPageSaysTheExitCodeAtTheEndOfTheLineAndWhatIsPrintedUnderIt(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("page.md");
        Files.writeString(
                page,
                String.join(
                        "\n",
                        "Prose with ./sanctions demo is not a command.",
                        "```bash",
                        "./sanctions publish --wait x.json   # exit 3: not all of it took effect",
                        "# published x (JP-MOFA, 2 actions) to partition 0 at offset …",
                        "#   rejected action #1 DELIST JP-MOFA/X: UNKNOWN_DESIGNATION: …",
                        "./sanctions rejected --max-idle 5s | head -2   # every rejection",
                        "```",
                        "```json",
                        "./sanctions demo",
                        "```"));

        List<DocumentedCommand> commands = DocumentedCommands.in(page);

        assertThat(commands).hasSize(2);
        DocumentedCommand publish = commands.get(0);
        assertThat(publish.words()).containsExactly("publish", "--wait", "x.json");
        assertThat(publish.exitCode()).isEqualTo(3);
        assertThat(publish.output())
                .containsExactly(
                        "published x (JP-MOFA, 2 actions) to partition 0 at offset …",
                        "rejected action #1 DELIST JP-MOFA/X: UNKNOWN_DESIGNATION: …");
        DocumentedCommand rejected = commands.get(1);
        assertThat(rejected.words()).containsExactly("rejected", "--max-idle", "5s");
        assertThat(rejected.exitCode()).isZero();
        assertThat(rejected.output()).isEmpty();
    }

    @Test
    void anEllipsisInAShownLineStandsForAnyTextAndTheRestMustBeExact() {
        String shown = "published x (JP-MOFA, 2 actions) to partition 0 at offset …";

        assertThat(DocumentedCommands.shows(shown, "published x (JP-MOFA, 2 actions) to partition 0 at offset 29"))
                .isTrue();
        assertThat(DocumentedCommands.shows(shown, "published x (JP-MOFA, 3 actions) to partition 0 at offset 29"))
                .isFalse();
        assertThat(DocumentedCommands.shows("1 problem (found)", "1 problem (found) and more"))
                .isFalse();
    }
}
