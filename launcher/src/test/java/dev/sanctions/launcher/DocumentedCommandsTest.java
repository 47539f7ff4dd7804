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
}
