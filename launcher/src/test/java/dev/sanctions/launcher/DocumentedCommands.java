package dev.sanctions.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code ./sanctions …} command lines of a page's shell blocks ({@code bash}, {@code sh}, {@code console},
 * {@code shell}) and what the page says of each: the comment at the end of the line, where {@code exit N} names the
 * exit code the command ends with (0 when it names none), and the {@code # …} lines right under it, which show what
 * it prints ({@code …} standing for text left out).
 */
final class DocumentedCommands {

    private static final Pattern EXIT = Pattern.compile("\\bexit (\\d+)\\b");

    private DocumentedCommands() {}

    /** One command line as written, its words after {@code ./sanctions}, and what the page says it does. */
    record DocumentedCommand(Path file, int line, List<String> words, String comment, List<String> output) {

        /** The exit code the page names in the line's comment ({@code # exit 2: …}), else 0. */
        int exitCode() {
            Matcher exit = EXIT.matcher(comment);
            return exit.find() ? Integer.parseInt(exit.group(1)) : 0;
        }

        @Override
        public String toString() {
            return file.getFileName() + ":" + line + ": ./sanctions " + String.join(" ", words);
        }
    }

    /** Whether a printed line is one a page shows, where {@code …} stands for any text. */
    static boolean shows(String shown, String printed) {
        String pattern = Stream.of(shown.split("…", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return Pattern.compile(pattern).matcher(printed).matches();
    }

    static List<DocumentedCommand> in(Path page) throws IOException {
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
            String command = line.startsWith("$ ") ? line.substring(2) : line;
            if (!inShellBlock || !command.startsWith("./sanctions ")) {
                continue;
            }
            int end = endOfCommand(command);
            List<String> words = ShellWords.split(command.substring(0, end));
            List<String> output = new ArrayList<>();
            for (int j = i + 1; j < lines.size() && lines.get(j).strip().startsWith("#"); j++) {
                output.add(lines.get(j).strip().substring(1).strip());
            }
            found.add(
                    new DocumentedCommand(page, i + 1, words.subList(1, words.size()), comment(command, end), output));
        }
        return found;
    }

    /** The comment after the command, without its {@code #}, or nothing. */
    private static String comment(String command, int end) {
        return Optional.of(command.substring(end).strip())
                .filter(rest -> rest.startsWith("#"))
                .map(rest -> rest.substring(1).strip())
                .orElse("");
    }

    /** Where the command ends: at an unquoted {@code #} that starts a comment, a pipe or a redirection. */
    private static int endOfCommand(String command) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (!single && !dbl && (c == '|' || c == '>' || c == '&' || c == ';')) {
                return i;
            } else if (!single && !dbl && c == '#' && (i == 0 || Character.isWhitespace(command.charAt(i - 1)))) {
                return i;
            }
        }
        return command.length();
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
