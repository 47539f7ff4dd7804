package dev.sanctions.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

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

    record DocumentedCommand(Path file, int line, List<String> words) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + line + ": " + String.join(" ", words);
        }
    }

    static Stream<DocumentedCommand> documentedCommands() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<DocumentedCommand> commands = new ArrayList<>();
        for (Path page : pages) {
            commands.addAll(commandsIn(page));
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

    /** The {@code ./sanctions} lines of the page's {@code bash}/{@code sh}/{@code console} blocks, without comments. */
    private static List<DocumentedCommand> commandsIn(Path page) throws IOException {
        List<DocumentedCommand> found = new ArrayList<>();
        List<String> lines = Files.readAllLines(page);
        boolean inShellBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("```")) {
                String language = line.substring(3).strip();
                inShellBlock = !inShellBlock
                        && List.of("bash", "sh", "console", "shell").contains(language);
                continue;
            }
            if (!inShellBlock) {
                continue;
            }
            String command = line.startsWith("$ ") ? line.substring(2) : line;
            if (!command.startsWith("./sanctions ")) {
                continue;
            }
            List<String> words = ShellWords.split(withoutComment(command));
            found.add(new DocumentedCommand(page, i + 1, words.subList(1, words.size())));
        }
        return found;
    }

    /** The line up to an unquoted {@code #} that starts a comment, or up to a pipe or redirection. */
    private static String withoutComment(String command) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (!single && !dbl && (c == '|' || c == '>' || c == '&' || c == ';')) {
                return command.substring(0, i);
            } else if (!single && !dbl && c == '#' && (i == 0 || Character.isWhitespace(command.charAt(i - 1)))) {
                return command.substring(0, i);
            }
        }
        return command;
    }

    /** Splits a command line into words as a POSIX shell would for plain and quoted words (no expansions). */
    static final class ShellWords {
        private ShellWords() {}

        static List<String> split(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            boolean inWord = false;
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        word.append(c);
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                    inWord = true;
                } else if (Character.isWhitespace(c)) {
                    if (inWord) {
                        words.add(word.toString());
                        word.setLength(0);
                        inWord = false;
                    }
                } else {
                    word.append(c);
                    inWord = true;
                }
            }
            if (inWord) {
                words.add(word.toString());
            }
            return words;
        }
    }
}
