package dev.sanctions.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the command line offers, read from its sources as text: the environment variables it reads, its picocli
 * commands and the options of each. Text, not reflection, so this module needs no build of the application.
 * A command's options are those of the file that declares it and of its {@code @Mixin}s, so subcommands nested
 * in one file share their options.
 */
record CliSources(Set<String> environmentVariables, Map<String, Set<String>> optionsByCommand) {

    private static final Pattern PICOCLI_ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern GETENV = Pattern.compile("System\\.getenv\\(\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"\\s*\\)");
    /** Logback's substitution ({@code ${NAME:-default}}), which falls back to the environment. */
    private static final Pattern CONFIG_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::-[^}]*)?}");
    private static final Pattern COMMAND_NAME = Pattern.compile("@Command\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern OPTION_NAMES = Pattern.compile("names\\s*=\\s*(\"[^\"]*\"|\\{[^}]*})");
    private static final Pattern QUOTED_OPTION = Pattern.compile("\"(-[^\"]+)\"");
    private static final Pattern MIXIN = Pattern.compile("@Mixin\\s+(?:final\\s+)?([A-Z][A-Za-z0-9_]*)");
    private static final Pattern TEXT_FILE = Pattern.compile(".*\\.(java|xml|properties|ya?ml|json|txt)");
    private static final Pattern STANDARD_HELP = Pattern.compile("mixinStandardHelpOptions\\s*=\\s*true");

    Set<String> commands() {
        return optionsByCommand.keySet();
    }

    static CliSources scan(Path mainSources) {
        Map<Path, String> files = read(mainSources);
        Set<String> variables = new TreeSet<>();
        Map<String, String> javaByClass = new HashMap<>();
        files.forEach((path, text) -> {
            String name = path.getFileName().toString();
            if (name.endsWith(".java")) {
                collect(PICOCLI_ENV, text, variables);
                collect(GETENV, text, variables);
                javaByClass.put(name.substring(0, name.length() - ".java".length()), text);
            } else {
                collect(CONFIG_VARIABLE, text, variables);
            }
        });
        Map<String, Set<String>> optionsByCommand = new TreeMap<>();
        javaByClass.values().forEach(text -> {
            Matcher command = COMMAND_NAME.matcher(text);
            while (command.find()) {
                Set<String> options = optionsByCommand.computeIfAbsent(command.group(1), k -> new TreeSet<>());
                options.addAll(options(text));
                Matcher mixin = MIXIN.matcher(text);
                while (mixin.find()) {
                    options.addAll(options(javaByClass.getOrDefault(mixin.group(1), "")));
                }
                if (STANDARD_HELP.matcher(text).find()) {
                    options.addAll(List.of("--help", "-h", "--version", "-V"));
                }
            }
        });
        return new CliSources(variables, optionsByCommand);
    }

    private static Set<String> options(String javaText) {
        Set<String> options = new TreeSet<>();
        Matcher names = OPTION_NAMES.matcher(javaText);
        while (names.find()) {
            collect(QUOTED_OPTION, names.group(1), options);
        }
        return options;
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static boolean isText(Path path) {
        return TEXT_FILE.matcher(path.getFileName().toString()).matches();
    }

    private static Map<Path, String> read(Path mainSources) {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(mainSources)) {
            for (Path path : paths.filter(Files::isRegularFile).filter(CliSources::isText).toList()) {
                files.put(path, Files.readString(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the command line's sources under " + mainSources, e);
        }
        return files;
    }
}
