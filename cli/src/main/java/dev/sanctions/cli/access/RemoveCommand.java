package dev.sanctions.cli.access;

import dev.sanctions.cli.ConnectionOptions;
import dev.sanctions.cli.ExitCodes;
import dev.sanctions.cli.UserInputException;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "remove",
        mixinStandardHelpOptions = true,
        description = {
            "Remove a principal: its login and every ACL naming it.",
            "Its open connections keep working until they reconnect; the registry and HTTP API stop accepting it",
            "within a minute."
        })
final class RemoveCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "NAME", description = "The principal to remove.")
    String name;

    @Override
    public Integer call() {
        if (HandOver.RESERVED.contains(name)) {
            throw new UserInputException("'" + name + "' is the stack's own principal and cannot be removed");
        }
        Principals.Removal removal;
        try (Admin admin = Admin.create(connection.kafkaProperties())) {
            removal = new Principals(admin).remove(name);
        }
        if (!removal.credentials() && removal.acls() == 0) {
            throw new UserInputException("no principal named " + name + ": see 'sanctions access list'");
        }
        spec.commandLine()
                .getOut()
                .printf(
                        "removed %s: %s and %d ACL(s)%n",
                        name, removal.credentials() ? "its login" : "no login (it had none)", removal.acls());
        return ExitCodes.OK;
    }
}
