package dev.sanctions.cli;

import dev.sanctions.core.Topics;
import dev.sanctions.processor.ProcessorSettings;
import dev.sanctions.processor.SanctionsProcessor;
import dev.sanctions.processor.setup.OtherApplications;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "processor",
        mixinStandardHelpOptions = true,
        description = {
            "Run the processor (and its HTTP API) against an existing cluster.",
            "Folds announcements into designation states and notifications, exactly once, and serves the HTTP API.",
            "Stops cleanly on Ctrl-C or SIGTERM; a restart resumes from the last committed position."
        })
final class ProcessorCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorCommand.class);
    private static final Duration SECOND_APPLICATION_CHECK = Duration.ofSeconds(30);

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(
            names = "--application-id",
            paramLabel = "ID",
            defaultValue = "${env:SANCTIONS_APPLICATION_ID:-" + ProcessorSettings.DEFAULT_APPLICATION_ID + "}",
            description =
                    "Kafka Streams application.id; instances with the same id share the work (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            defaultValue = "${env:SANCTIONS_STATE_DIR}",
            description =
                    "Where the state stores live (env SANCTIONS_STATE_DIR; default: Kafka Streams' temporary directory).")
    Path stateDir;

    @Option(
            names = "--http-host",
            paramLabel = "HOST",
            defaultValue = "${env:SANCTIONS_HTTP_HOST:-127.0.0.1}",
            description =
                    "Address of the HTTP API (env SANCTIONS_HTTP_HOST; default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String httpHost;

    @Option(
            names = "--http-port",
            paramLabel = "PORT",
            defaultValue = "${env:SANCTIONS_HTTP_PORT:-8080}",
            description = "Port of the HTTP API (env SANCTIONS_HTTP_PORT; default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(
            names = "--http-advertised-host",
            paramLabel = "HOST",
            defaultValue = "${env:SANCTIONS_HTTP_ADVERTISED_HOST}",
            description = "Host name other processor instances use to reach this one's HTTP API, when several run"
                    + " (env SANCTIONS_HTTP_ADVERTISED_HOST; default: --http-host, or this machine's name).")
    String httpAdvertisedHost;

    @Option(
            names = "--commit-interval",
            paramLabel = "DURATION",
            converter = Durations.class,
            defaultValue = ProcessorSettings.DEFAULT_COMMIT_INTERVAL_MS + "ms",
            description =
                    "How often results are committed, the floor of notification latency (default: ${DEFAULT-VALUE}).")
    Duration commitInterval;

    @Option(
            names = "--replication-factor",
            paramLabel = "N",
            defaultValue = "-1",
            description = "Replication factor of internal and newly created change topics (default: the broker's).")
    short replicationFactor;

    @Option(
            names = "--allow-second-application",
            description = "Start even though another application (another --application-id) has read the"
                    + " announcements: it will publish every notification again.")
    boolean allowSecondApplication;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Topics topics = Topics.withPrefix(connection.topicPrefix());
        if (!allowSecondApplication) {
            refuseASecondApplication(topics);
        }
        ProcessorSettings settings = ProcessorSettings.builder(
                        connection.bootstrapServers, connection.schemaRegistryUrl)
                .topics(topics)
                .applicationId(applicationId)
                .stateDir(stateDir)
                .clientProperties(connection.extraStringProperties())
                .commitInterval(commitInterval)
                .replicationFactor(replicationFactor)
                .http(httpHost, httpPort)
                .httpAdvertisedHost(httpAdvertisedHost)
                .build();
        return runUntilStopped(SanctionsProcessor.start(settings), out);
    }

    /**
     * Another group with offsets on the announcements is most likely a processor under another application id:
     * a second one would fold the log again and publish every notification twice. Not answering in time is left
     * to the processor's own start to report.
     */
    private void refuseASecondApplication(Topics topics) throws InterruptedException {
        Map<String, Object> config = new HashMap<>(connection.kafkaProperties());
        config.keySet().retainAll(AdminClientConfig.configNames());
        List<String> others;
        try (Admin admin = Admin.create(config)) {
            others = OtherApplications.readingAnnouncements(admin, topics, applicationId, SECOND_APPLICATION_CHECK);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn(
                    "Could not check for another application reading {}: {}",
                    topics.announcements(),
                    Failures.describe(e));
            return;
        }
        if (!others.isEmpty()) {
            throw new IllegalStateException("consumer group(s) " + String.join(", ", others) + " already read "
                    + topics.announcements() + ": most likely a processor with another application id, and this one"
                    + " ('" + applicationId + "') would publish every notification again. Give their id with"
                    + " --application-id to share their work, or --allow-second-application if a second pipeline"
                    + " (or a group that is no processor) is meant");
        }
    }

    /** Blocks until Ctrl-C / SIGTERM (exit 0) or until the processor fails for good (exit 1). */
    static int runUntilStopped(SanctionsProcessor processor, PrintWriter out) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    stopped.countDown();
                    try {
                        closed.await(40, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "processor-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.printf(
                "processor started; HTTP API on %s (health: %s/health). Ctrl-C stops it.%n",
                processor.httpUrl(), processor.httpUrl());
        out.flush();
        try {
            while (!stopped.await(1, TimeUnit.SECONDS)) {
                KafkaStreams.State state = processor.state();
                if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING) {
                    processor.close();
                    throw new IllegalStateException("the processor stopped (state " + state + "); the log above says "
                            + "why. Fix the cause and start it again: it resumes from its last committed position");
                }
            }
            processor.close();
            out.println("processor stopped cleanly");
            out.flush();
            return ExitCodes.OK;
        } finally {
            closed.countDown();
        }
    }
}
