package dev.sanctions.launcher;

import dev.sanctions.cli.ConnectionOptions;
import dev.sanctions.cli.ExitCodes;
import dev.sanctions.cli.UserInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "dev",
        mixinStandardHelpOptions = true,
        description = {
            "Run Kafka, the schema registry, the processor and its HTTP API here until Ctrl-C.",
            "Data persists in --data-dir, so a restart continues where it stopped. Prints one READY line when up."
        })
final class DevCommand implements Callable<Integer>, ConnectionOptions.NotUsed {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = ".sanctions-dev",
            description = "Where the broker, registry and state stores keep their data (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--kafka-port",
            paramLabel = "PORT",
            defaultValue = "9092",
            description = "Default: ${DEFAULT-VALUE}.")
    int kafkaPort;

    @Option(
            names = "--registry-port",
            paramLabel = "PORT",
            defaultValue = "8081",
            description = "Default: ${DEFAULT-VALUE}.")
    int registryPort;

    @Option(
            names = "--http-port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "Default: ${DEFAULT-VALUE}.")
    int httpPort;

    @Option(
            names = "--secure",
            description = {
                "Make every client log in: SASL/SCRAM-SHA-512 and ACLs on Kafka, HTTP Basic on the registry and the"
                        + " HTTP API (docs/access-control.md).",
                "The admin's login is kept in DIR/admin.properties (mode 600), named on the READY line as config=FILE."
            })
    boolean secure;

    @Option(
            names = "--tls",
            description = "With --secure: TLS under SASL (SASL_SSL), with a CA and certificate made once in DIR/tls;"
                    + " the client properties files carry the truststore.")
    boolean tls;

    @Override
    public Integer call() throws InterruptedException {
        if (tls && !secure) {
            throw new UserInputException(
                    "--tls goes with --secure: TLS protects the logins, which only --secure asks for");
        }
        ConnectionOptions.noteUnused(
                spec.commandLine(), "dev runs its own broker and registry on --kafka-port and --registry-port.");
        PrintWriter out = spec.commandLine().getOut();
        out.println(
                "starting Kafka, the schema registry and the processor (data in " + dataDir.toAbsolutePath() + ") ...");
        out.flush();
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    stopRequested.countDown();
                    try {
                        stopped.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "dev-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        // The last line is printed before the shutdown hook is released: once it returns, the JVM exits at once.
        try {
            try (EmbeddedPipeline pipeline =
                    EmbeddedPipeline.start(dataDir, kafkaPort, registryPort, httpPort, secure, tls)) {
                out.printf(
                        "READY bootstrap=%s registry=%s http=%s%s%n",
                        pipeline.bootstrapServers(),
                        pipeline.schemaRegistryUrl(),
                        pipeline.httpUrl(),
                        pipeline.adminConfig().map(file -> " config=" + file).orElse(""));
                out.flush();
                stopRequested.await();
                out.println("stopping ...");
                out.flush();
            }
            out.println("stopped; data kept in " + dataDir.toAbsolutePath());
            out.flush();
        } finally {
            stopped.countDown();
        }
        return ExitCodes.OK;
    }
}
