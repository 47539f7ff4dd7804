package dev.sanctions.cli;

import dev.sanctions.core.Jurisdictions;
import dev.sanctions.core.Topics;
import dev.sanctions.processor.setup.PipelineSetup;
import dev.sanctions.processor.setup.SetupReport;
import dev.sanctions.registry.client.RestSchemaRegistryClient;
import dev.sanctions.registry.client.SchemaRegistryClient;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Create the topics and register the schemas (safe to run twice).",
            "Creates every topic of the pipeline with its settings and registers the value schemas with their",
            "compatibility levels. Existing topics are kept; differences from the expected settings are reported."
        })
public final class InitCommand implements Callable<Integer> {

    /** The jurisdictions of docs/announcement-format.md and of the bundled examples; others get their topic on first use. */
    public static final List<String> DEFAULT_JURISDICTIONS = List.of("EU", "GB", "JP", "KR", "SG", "TW", "UN", "US");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            defaultValue = "-1",
            description = "Partitions of each topic created (default: the broker's num.partitions setting).")
    int partitions;

    @Option(
            names = "--replication-factor",
            paramLabel = "N",
            defaultValue = "-1",
            description =
                    "Replication factor of each topic created (default: the broker's default replication factor).")
    short replicationFactor;

    @Option(
            names = "--jurisdiction",
            paramLabel = "J",
            split = ",",
            description = "Jurisdictions whose change topic to create now (default: EU, GB, JP, KR, SG, TW, UN, US);"
                    + " the processor creates the others when it first meets them.")
    List<String> jurisdictions = DEFAULT_JURISDICTIONS;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if ((partitions < 1 && partitions != PipelineSetup.BROKER_DEFAULT)
                || (replicationFactor < 1 && replicationFactor != PipelineSetup.BROKER_DEFAULT)) {
            throw new UserInputException("--partitions and --replication-factor must be at least 1");
        }
        for (String jurisdiction : jurisdictions) {
            Jurisdictions.problem(jurisdiction.strip().toUpperCase(Locale.ROOT)).ifPresent(problem -> {
                throw new UserInputException("--jurisdiction: " + problem);
            });
        }
        SetupReport report;
        try (Admin admin = Admin.create(connection.kafkaProperties());
                SchemaRegistryClient registry = RestSchemaRegistryClient.fromConfig(connection.registryProperties())) {
            report = new PipelineSetup(
                            admin, registry, Topics.withPrefix(connection.topicPrefix()), partitions, replicationFactor)
                    .run(jurisdictions);
        }
        report.lines().forEach(out::println);
        out.printf(
                "ready: %d topic(s) created, %d already there, %d subject(s) registered%n",
                report.createdTopics().size(),
                report.existingTopics().size(),
                report.schemaIds().size());
        return ExitCodes.OK;
    }
}
