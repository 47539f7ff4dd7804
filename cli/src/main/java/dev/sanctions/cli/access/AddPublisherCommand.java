package dev.sanctions.cli.access;

import dev.sanctions.cli.ConnectionOptions;
import dev.sanctions.cli.ExitCodes;
import dev.sanctions.core.Topics;
import dev.sanctions.kafka.security.ClientCredentials;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "add-publisher",
        mixinStandardHelpOptions = true,
        description = {
            "Create a publisher's login: it may publish announcements, nothing else.",
            "WRITE on sanctions.announcements through its own transactional ids (sanctions-publish.NAME), read-only",
            "on the registry. Writes the publisher's client properties file (mode 600) and prints its path."
        })
final class AddPublisherCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "NAME", description = "The publisher's principal, e.g. jp-mofa (letters, digits, . _ -).")
    String name;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "Where to write the publisher's client properties (default: NAME.properties).")
    Path output;

    @Override
    public Integer call() {
        ClientCredentials publisher = HandOver.newPrincipal(name);
        Topics topics = Topics.withPrefix(connection.topicPrefix());
        Path file = HandOver.create(connection, publisher, new Grants(topics).publisher(name), output, "publisher");
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "publisher %s may write %s with transactional ids %s%s[.*]%n",
                name, topics.announcements(), Grants.PUBLISHER_TRANSACTIONAL_ID_PREFIX, name);
        out.println("wrote " + file + " (mode 600): hand it to the publisher, to use with --command-config");
        return ExitCodes.OK;
    }
}
