package dev.sanctions.processor.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sanctions.core.Topics;
import dev.sanctions.processor.topology.Failures;
import dev.sanctions.registry.client.RestSchemaRegistryClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The change topic of a new jurisdiction is set up on a stream thread: every cluster call there is bounded. */
class AdminChangeTopicRouterTest {

    private Admin admin;
    private RestSchemaRegistryClient registry;

    @BeforeEach
    void connectToNothing() throws IOException {
        String nowhere = "127.0.0.1:" + closedPort();
        // The Admin client's own limits are far away: only the router's bound can end the calls in time.
        admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, nowhere,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 600_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 600_000));
        registry = RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", "http://" + nowhere));
    }

    @AfterEach
    void close() {
        registry.close();
        admin.close(Duration.ZERO);
    }

    @Test
    void anUnreachableClusterFailsTheFirstNotificationOfAJurisdictionInBoundedTimeAsAnOutage() {
        AdminChangeTopicRouter router = new AdminChangeTopicRouter(
                Topics.unprefixed(), new PipelineSetup(admin, registry, Topics.unprefixed(), 1, (short) 1));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            router.learnExistingTopics();
            assertThatThrownBy(() -> router.topicFor("FR"))
                    .isInstanceOf(TimeoutException.class)
                    .satisfies(failure -> assertThat(Failures.isOutage(failure)).isTrue());
        });
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
