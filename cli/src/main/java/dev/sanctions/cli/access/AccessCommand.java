package dev.sanctions.cli.access;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sanctions access}: who may do what on a secured cluster (docs/access-control.md). */
@Command(
        name = "access",
        mixinStandardHelpOptions = true,
        description = {
            "Manage who may do what on a secured cluster: logins (SASL/SCRAM) and their Kafka ACLs.",
            "Run with the admin's --command-config (sanctions dev --secure prints where it is)."
        },
        subcommands = {
            AddBankCommand.class,
            AddPublisherCommand.class,
            AddProcessorCommand.class,
            ListCommand.class,
            RemoveCommand.class
        })
public final class AccessCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "Missing command: choose one of add-bank, add-publisher, add-processor, list," + " remove.");
    }
}
