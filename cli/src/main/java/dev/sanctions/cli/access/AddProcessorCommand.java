package dev.sanctions.cli.access;

import dev.sanctions.cli.ConnectionOptions;
import dev.sanctions.cli.ExitCodes;
import dev.sanctions.core.Topics;
import dev.sanctions.kafka.security.ClientCredentials;
import dev.sanctions.processor.ProcessorSettings;
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
        name = "add-processor",
        mixinStandardHelpOptions = true,
        description = {
            "Create a login for a processor run with 'sanctions processor' against a secured cluster.",
            "READ on sanctions.announcements; READ, WRITE and CREATE on its output topics; everything on the topics,",
            "group and transactional ids of its application id. Writes its client properties file (mode 600)."
        })
final class AddProcessorCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "NAME", description = "The processor's principal, e.g. processor-eu.")
    String name;

    @Option(
            names = "--application-id",
            paramLabel = "ID",
            defaultValue = ProcessorSettings.DEFAULT_APPLICATION_ID,
            description = "The processor's application.id (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "Where to write its client properties (default: NAME.properties).")
    Path output;

    @Override
    public Integer call() {
        ClientCredentials processor = HandOver.newPrincipal(name);
        Topics topics = Topics.withPrefix(connection.topicPrefix());
        Path file = HandOver.create(
                connection, processor, new Grants(topics).processor(name, applicationId), output, "processor");
        PrintWriter out = spec.commandLine().getOut();
        out.printf("processor %s may run as application id %s%n", name, applicationId);
        out.println("wrote " + file + " (mode 600): run 'sanctions processor --command-config " + file + "'");
        return ExitCodes.OK;
    }
}
