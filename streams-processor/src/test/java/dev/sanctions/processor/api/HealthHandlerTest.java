package dev.sanctions.processor.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.http.HttpService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /health} served over HTTP, with the Streams state set by the test. */
class HealthHandlerTest {

    private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.REBALANCING);
    private final AtomicBoolean failing = new AtomicBoolean();
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpService server;

    @BeforeEach
    void start() throws Exception {
        server = HttpService.bind("processor HTTP API", "127.0.0.1", 0);
        server.serve(Map.of(HealthHandler.PATH, new HealthHandler(state::get, failing::get)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void healthIsUpOnlyWhileRunning() throws Exception {
        assertThat(send("GET", "/health")).isEqualTo("503 {\"status\":\"REBALANCING\"}");
        state.set(KafkaStreams.State.RUNNING);
        assertThat(send("GET", "/health")).isEqualTo("200 {\"status\":\"UP\"}");
        state.set(KafkaStreams.State.ERROR);
        assertThat(send("GET", "/health")).isEqualTo("503 {\"status\":\"ERROR\"}");
    }

    @Test
    void healthIsDownWhileStreamThreadsFailRepeatedlyEvenIfTheStateSaysRunning() throws Exception {
        state.set(KafkaStreams.State.RUNNING);
        failing.set(true);
        assertThat(send("GET", "/health")).isEqualTo("503 {\"status\":\"FAILING\"}");
        state.set(KafkaStreams.State.REBALANCING);
        assertThat(send("GET", "/health")).isEqualTo("503 {\"status\":\"FAILING\"}");
        state.set(KafkaStreams.State.ERROR);
        assertThat(send("GET", "/health")).isEqualTo("503 {\"status\":\"ERROR\"}");
        state.set(KafkaStreams.State.RUNNING);
        failing.set(false);
        assertThat(send("GET", "/health")).isEqualTo("200 {\"status\":\"UP\"}");
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        assertThat(send("GET", "/healthz")).startsWith("404 ");
        assertThat(send("POST", "/health")).startsWith("405 ");
    }

    private String send(String method, String path) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(server.url() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
