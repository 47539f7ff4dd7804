package dev.sanctions.processor;

import com.sun.net.httpserver.HttpHandler;
import dev.sanctions.http.BasicAccess;
import dev.sanctions.http.HttpService;
import dev.sanctions.kafka.security.BrokerLogins;
import dev.sanctions.processor.api.DesignationRoutes;
import dev.sanctions.processor.api.HealthHandler;
import dev.sanctions.processor.api.HttpRoutes;
import dev.sanctions.processor.api.MetricsHandler;
import dev.sanctions.processor.setup.AdminChangeTopicRouter;
import dev.sanctions.processor.setup.PipelineSetup;
import dev.sanctions.processor.setup.RecordLimits;
import dev.sanctions.processor.topology.DesignationStores;
import dev.sanctions.processor.topology.SanctionsSerdes;
import dev.sanctions.processor.topology.SanctionsTopology;
import dev.sanctions.registry.client.RestSchemaRegistryClient;
import dev.sanctions.registry.client.SchemaRegistryClient;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the topology: owns the {@link KafkaStreams} instance, the clients it needs besides
 * (admin, schema registry) and the HTTP API. Callers install the SIGTERM/SIGINT hook that calls
 * {@link #close()}.
 */
public final class SanctionsProcessor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SanctionsProcessor.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** How long an idle poll waits for input, by default: see {@link #streamsConfig}. */
    static final long POLL_MS = 10;
    /** How long the producer waits to fill a batch, by default: see {@link #streamsConfig}. */
    static final long LINGER_MS = 5;
    /** The consumer's default {@code session.timeout.ms}. */
    private static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(45);

    private final KafkaStreams streams;
    private final HttpService http;
    /** Everything else the processor opened, closed in reverse order after Kafka Streams. */
    private final Deque<AutoCloseable> resources;

    private final AtomicBoolean closed = new AtomicBoolean();

    private SanctionsProcessor(KafkaStreams streams, HttpService http, Deque<AutoCloseable> resources) {
        this.streams = streams;
        this.http = http;
        this.resources = resources;
    }

    public static SanctionsProcessor start(ProcessorSettings settings) {
        return start(settings, HttpRoutes.none());
    }

    /**
     * Starts processing and the HTTP API with {@code /health}, {@code /metrics}, {@code /designations}
     * (docs/http-api.md) and {@code extraRoutes}.
     */
    public static SanctionsProcessor start(ProcessorSettings settings, HttpRoutes extraRoutes) {
        Map<String, Object> adminConfig = new HashMap<>(settings.clientProperties());
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        Map<String, Object> registryConfig = new HashMap<>(settings.clientProperties());
        registryConfig.put("schema.registry.url", settings.schemaRegistryUrl());

        Deque<AutoCloseable> resources = new ArrayDeque<>();
        KafkaStreams streams = null;
        HttpService http = null;
        try {
            Admin admin = Admin.create(adminConfig);
            resources.push(() -> admin.close(CLOSE_TIMEOUT));
            SchemaRegistryClient registry = RestSchemaRegistryClient.fromConfig(registryConfig);
            resources.push(registry);
            SanctionsSerdes serdes =
                    SanctionsSerdes.forRegistry(settings.schemaRegistryUrl(), settings.clientProperties());
            resources.push(serdes);
            PipelineSetup setup = new PipelineSetup(
                    admin, registry, settings.topics(), settings.changeTopicPartitions(), settings.replicationFactor());
            AdminChangeTopicRouter router = new AdminChangeTopicRouter(settings.topics(), setup);
            router.learnExistingTopics();
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            resources.push(meters::close);
            ProcessorMeters processorMeters = new ProcessorMeters(meters);
            ProcessingFailures failures = new ProcessingFailures(
                    "the broker (" + settings.bootstrapServers() + ") or schema registry ("
                            + settings.schemaRegistryUrl() + ")",
                    settings.maxConsecutiveOutages(),
                    outageQuietPeriod(settings),
                    processorMeters,
                    Clock.systemUTC());
            processorMeters.watchFailing(failures::failingRepeatedly);
            Topology topology = SanctionsTopology.build(
                    settings.topics(),
                    setup.partitions(settings.topics().announcements()),
                    serdes,
                    router,
                    processorMeters);
            http = bindHttp(settings);
            // A cluster that asks who you are gets an API that does too, checked against the same credentials.
            HttpService api = http;
            BrokerLogins.forCluster(settings.bootstrapServers(), settings.clientProperties())
                    .ifPresent(logins -> api.requireLogin(
                            new BasicAccess("sanctions processor", logins, Set.of()), Set.of(HealthHandler.PATH)));
            HostInfo advertised = AdvertisedEndpoint.of(settings, http.port());
            Properties config = streamsConfig(settings);
            config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, AdvertisedEndpoint.asConfig(advertised));
            streams = new KafkaStreams(topology, config);
            KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
            metrics.bindTo(meters);
            resources.push(metrics);

            Map<String, HttpHandler> routes = new LinkedHashMap<>();
            routes.put(HealthHandler.PATH, new HealthHandler(streams::state, failures::failingRepeatedly));
            routes.put(MetricsHandler.PATH, new MetricsHandler(meters));
            routes.putAll(new DesignationRoutes(advertised, peerAuthorization(settings)).routes(streams));
            routes.putAll(extraRoutes.routes(streams));
            // Probes answer on a thread of their own: a slow designation query never holds them.
            http.serve(routes, Set.of(HealthHandler.PATH, MetricsHandler.PATH));
            URI httpUrl = http.url();
            streams.setStateListener((now, before) -> onStateChange(settings, httpUrl, now, before));
            streams.setUncaughtExceptionHandler(failures);
            streams.start();
            return new SanctionsProcessor(streams, http, resources);
        } catch (RuntimeException e) {
            if (http != null) {
                http.close();
            }
            if (streams != null) {
                closeStreams(streams, CLOSE_TIMEOUT);
            }
            closeAll(resources);
            throw e;
        }
    }

    /**
     * Takes the HTTP API's port without serving yet: the port must be known before Kafka Streams starts,
     * which advertises it to the other instances ({@code application.server}).
     */
    private static HttpService bindHttp(ProcessorSettings settings) {
        try {
            return HttpService.bind("processor HTTP API", settings.httpHost(), settings.httpPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** What this instance sends to another one's secured API: its own login ({@code basic.auth.user.info}). */
    private static Optional<String> peerAuthorization(ProcessorSettings settings) {
        return Optional.ofNullable(settings.clientProperties().get("basic.auth.user.info"))
                .filter(userInfo -> !userInfo.isBlank())
                .map(userInfo -> "Basic "
                        + Base64.getEncoder().encodeToString(userInfo.strip().getBytes(StandardCharsets.UTF_8)));
    }

    /** The Kafka Streams configuration of these settings: exactly-once, short commits. */
    static Properties streamsConfig(ProcessorSettings settings) {
        Properties config = new Properties();
        // Client properties first (security, tuning); the settings that make the guarantees win.
        config.putAll(settings.clientProperties());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                settings.commitInterval().toMillis());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.replicationFactor());
        // Latency, unless the client properties say otherwise (docs/decisions.md). A transaction commits only between
        // two polls, and an idle poll waits poll.ms (100 ms by default) for input: records processed just before a
        // quiet spell waited that long for their commit. And Kafka Streams lets its producer linger 100 ms, so most
        // of a transaction was sent only when the commit flushed it; sent as it goes, the commit has less to wait for.
        config.putIfAbsent(StreamsConfig.POLL_MS_CONFIG, POLL_MS);
        if (!config.containsKey(ProducerConfig.LINGER_MS_CONFIG)) {
            config.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), LINGER_MS);
        }
        // Kafka's 1 MB default would refuse a large notification or dead letter and stop the task on every restart.
        config.put(
                StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), RecordLimits.OUTPUT_RECORD_BYTES);
        config.put(
                StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG),
                Integer.toString(RecordLimits.OUTPUT_RECORD_BYTES));
        // The topology has no global store, so this changes nothing but Kafka 4's warning at every start
        // that the flag is off (it becomes the default in Kafka 5): an operator would take it for a problem.
        config.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // The partition assignor builds a StreamsConfig of its own from the main consumer's configs, which carry only
        // consumer settings and those with this prefix: without it, that copy warns once more at every start.
        config.putIfAbsent(
                StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG),
                true);
        if (settings.stateDir() != null) {
            config.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toString());
        }
        return config;
    }

    /**
     * How long after an outage failure another one still counts as in a row: a replaced thread gets its
     * tasks back only once the failed thread's group membership expires (Streams' consumers do not leave
     * the group on close), i.e. after the session timeout; a minute more covers the retry itself.
     */
    static Duration outageQuietPeriod(ProcessorSettings settings) {
        String configured = settings.clientProperties().get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG);
        Duration sessionTimeout =
                configured == null ? DEFAULT_SESSION_TIMEOUT : Duration.ofMillis(Long.parseLong(configured.trim()));
        return sessionTimeout.plus(Duration.ofMinutes(1));
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** For interactive queries over {@link DesignationStores}. */
    public KafkaStreams streams() {
        return streams;
    }

    /** The base URL of the HTTP API, e.g. {@code http://127.0.0.1:8080}. */
    public URI httpUrl() {
        return http.url();
    }

    /** Stops processing (committing what was processed) and releases every resource; waits up to 30 s. */
    @Override
    public void close() {
        close(CLOSE_TIMEOUT);
    }

    /** Returns false if Kafka Streams did not stop within {@code timeout}. Closing twice does nothing more. */
    public boolean close(Duration timeout) {
        if (!closed.compareAndSet(false, true)) {
            return true;
        }
        http.close();
        boolean stopped = closeStreams(streams, timeout);
        if (!stopped) {
            LOG.warn(
                    "Kafka Streams did not stop within {}; exiting anyway. The next start resumes from the last"
                            + " committed position, so nothing is lost or published twice.",
                    timeout);
        }
        closeAll(resources);
        return stopped;
    }

    /**
     * Leaving the group hands the partitions over at once; otherwise a restarted processor waits for
     * the session timeout (45 s) before the old member's partitions are reassigned.
     */
    private static boolean closeStreams(KafkaStreams streams, Duration timeout) {
        return streams.close(CloseOptions.timeout(timeout)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                LOG.warn("Ignoring a failure while closing: {}", e.toString());
            }
        }
    }

    private static void onStateChange(
            ProcessorSettings settings, URI httpUrl, KafkaStreams.State now, KafkaStreams.State before) {
        if (now == KafkaStreams.State.RUNNING) {
            LOG.info(
                    "Sanctions processor RUNNING: application.id={}, reading {}, HTTP API on {}",
                    settings.applicationId(),
                    settings.topics().announcements(),
                    httpUrl);
        } else if (now == KafkaStreams.State.ERROR) {
            LOG.error(
                    "Sanctions processor stopped processing (state ERROR, was {}); /health answers 503."
                            + " See the error logged before this line, fix it and restart the processor.",
                    before);
        } else {
            LOG.info("Sanctions processor state {} (was {})", now, before);
        }
    }
}
