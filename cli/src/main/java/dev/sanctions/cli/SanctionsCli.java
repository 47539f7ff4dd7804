package dev.sanctions.cli;

import dev.sanctions.cli.access.AccessCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sanctions} command: one subcommand per job of docs/commands.md that runs against an existing Kafka cluster.
 * This is the container image's entry point. The commands that start a broker in-process (dev, demo, bench) are
 * added by the launcher module, so that neither the image nor this module carries a broker.
 */
@Command(
        name = "sanctions",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Sanctions updates as events: publish announcements, fold them into designations, notify banks.",
        subcommands = {
            InitCommand.class,
            PublishCommand.class,
            ImportCommand.class,
            ProcessorCommand.class,
            SubscribeCommand.class,
            StateCommand.class,
            ReplayCommand.class,
            RejectedCommand.class,
            DlqCommand.class,
            AccessCommand.class
        })
public final class SanctionsCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing command: choose one of the commands below.");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (docs/commands.md: 0 success, 1 runtime failure, 2 bad input or usage, 3 rejections after --wait). */
    static int execute(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The command line with the failure handling that gives every error one line and the documented exit code.
     *
     * @param moreCommands picocli commands listed after this module's own and before {@code help}
     */
    public static CommandLine commandLine(Object... moreCommands) {
        LogLevels.apply(System.getenv(LogLevels.VARIABLE));
        CommandLine commandLine = new CommandLine(new SanctionsCli());
        for (Object command : moreCommands) {
            commandLine.addSubcommand(command);
        }
        commandLine.addSubcommand(new CommandLine.HelpCommand());
        ConnectionOptions.hideWhereNotUsed(commandLine);
        // Wide enough for --bootstrap-servers=HOST:PORT, so every command's descriptions wrap at the same column.
        commandLine.setUsageHelpLongOptionsMaxWidth(30);
        Synopsis.install(commandLine);
        commandLine.setOut(StandardOutput.writer());
        // --status active as well as ACTIVE, as --jurisdiction jp works as well as JP.
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new Failures());
        commandLine.setParameterExceptionHandler(new Failures());
        return commandLine;
    }
}
