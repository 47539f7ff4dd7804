package dev.sanctions.processor;

import dev.sanctions.core.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The processor alone in a JVM, for {@link ProcessorChild}: a test can kill it with SIGKILL as an operator's
 * {@code kill -9} or the kernel's OOM killer would. It runs until killed or until its stdin closes, which is when the
 * test's JVM went away, so it never outlives the build.
 *
 * <p>Arguments: bootstrap servers, schema registry URL, topic prefix, application id, state directory.
 */
final class ProcessorChildMain {

    /**
     * Settings of the test only, none of which the guarantee depends on (fencing the killed JVM's transactions is the
     * producer's, by its transactional id, not the group's): a static member id, so that a restart after a kill takes
     * the dead member's place at once instead of waiting for its session to time out; a short session timeout, for a
     * rebalance that waits anyway; and no linger, so that output reaches the broker as it is made and a kill finds it
     * there in an open transaction, for the restart to abort.
     */
    static final Map<String, String> CLIENT_PROPERTIES = Map.of(
            "main.consumer.group.instance.id", "crash-test-processor",
            "main.consumer.session.timeout.ms", "6000",
            "main.consumer.heartbeat.interval.ms", "1000",
            "producer.linger.ms", "0");

    private ProcessorChildMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println(
                    "usage: ProcessorChildMain BOOTSTRAP REGISTRY_URL TOPIC_PREFIX APPLICATION_ID STATE_DIR");
            System.exit(2);
        }
        ProcessorSettings settings = ProcessorSettings.builder(args[0], args[1])
                .topics(Topics.withPrefix(args[2]))
                .applicationId(args[3])
                .stateDir(Path.of(args[4]))
                .replicationFactor((short) 1)
                // The crash tests' timing (when output is seen uncommitted, how long a resumed JVM works) was
                // tuned on transactions of 100 ms; what they check does not depend on the interval.
                .commitInterval(Duration.ofMillis(100))
                .clientProperties(CLIENT_PROPERTIES)
                .http("127.0.0.1", 0)
                .build();
        try (SanctionsProcessor processor = SanctionsProcessor.start(settings)) {
            InputStream parent = System.in;
            while (parent.read() >= 0) {
                // Nothing is sent; the read only returns at the end of the stream.
            }
        }
        System.exit(0);
    }
}
