package dev.sanctions.deploy;

import dev.sanctions.cli.SanctionsCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the command line offers, from picocli's model of the real command classes: its commands (a nested one
 * named with its parent, {@code "state get"}), the options of each, and the environment variables it reads,
 * that is those its options default to ({@code defaultValue = "${env:NAME:-fallback}"}) and those its logging
 * configuration substitutes.
 */
record CommandLineModel(Set<String> environmentVariables, Map<String, Set<String>> optionsByCommand) {

    /** picocli's environment lookup in a default value, possibly nested in another's fallback. */
    private static final Pattern PICOCLI_ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)");
    /** Logback's substitution ({@code ${NAME:-default}}), which falls back to the environment. */
    private static final Pattern LOGBACK_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::-[^}]*)?}");

    Set<String> commands() {
        return optionsByCommand.keySet();
    }

    /** The {@code sanctions} command line, with the logging configuration it ships. */
    static CommandLineModel ofSanctions(Path loggingConfiguration) {
        try {
            return of(new CommandLine(new SanctionsCli()), Files.readString(loggingConfiguration));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the command line's logging configuration", e);
        }
    }

    /** The model of {@code root}'s subcommands, read by picocli; {@code root} is left without variable interpolation. */
    static CommandLineModel of(CommandLine root, String loggingConfiguration) {
        List<CommandSpec> commands = new ArrayList<>();
        addSubcommands(root.getCommandSpec(), commands);
        Map<String, Set<String>> optionsByCommand = new TreeMap<>();
        for (CommandSpec command : commands) {
            Set<String> options = new TreeSet<>();
            command.options().forEach(option -> options.addAll(List.of(option.names())));
            optionsByCommand.put(
                    command.qualifiedName(" ").substring(command.root().name().length() + 1), options);
        }
        Set<String> variables = new TreeSet<>();
        collect(LOGBACK_VARIABLE, loggingConfiguration, variables);
        // Now that the option names are read (the standard help options' are variables too): without
        // interpolation, defaultValue() is the text as declared, ${env:…} included, not its value in this JVM.
        root.setInterpolateVariables(false);
        for (CommandSpec command : commands) {
            for (ArgSpec arg : command.args()) {
                if (arg.defaultValue() != null) {
                    collect(PICOCLI_ENV, arg.defaultValue(), variables);
                }
            }
        }
        return new CommandLineModel(variables, optionsByCommand);
    }

    /** The subcommands below {@code parent}, at any depth, each once (aliases name the same one). */
    private static void addSubcommands(CommandSpec parent, List<CommandSpec> into) {
        for (CommandLine subcommand : new LinkedHashSet<>(parent.subcommands().values())) {
            into.add(subcommand.getCommandSpec());
            addSubcommands(subcommand.getCommandSpec(), into);
        }
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }
}
