package dev.sanctions.processor.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.http.HttpService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the designation API answers before Kafka Streams runs: no broker needed, since it is never started. */
class DesignationHandlerTest {

    @TempDir
    Path stateDir;

    private final HttpClient client = HttpClient.newHttpClient();
    private KafkaStreams streams;
    private HttpService server;

    @BeforeEach
    void start() throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("unused");
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "designation-handler-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        streams = new KafkaStreams(builder.build(), config);
        HostInfo self = new HostInfo("127.0.0.1", 1);
        server = HttpService.bind("processor HTTP API", "127.0.0.1", 0);
        server.serve(Map.of(
                DesignationRequestParser.PATH,
                new DesignationHandler(streams, self, new PeerClient(self, Duration.ofSeconds(1)))));
    }

    @AfterEach
    void stop() {
        server.close();
        streams.close();
    }

    @Test
    void beforeTheProcessorRunsAValidQuestionIs503WithRetryAfterNever404() throws Exception {
        HttpResponse<String> response = send("GET", "/designations/JP-MOFA%2FRU-P-0425");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(response.body())
                .isEqualTo("{\"error\":\"the processor is CREATED, not yet RUNNING; retry in a few seconds\"}");
        assertThat(send("GET", "/designations").statusCode()).isEqualTo(503);
    }

    @Test
    void badInputIsRefusedWhateverTheProcessorsState() throws Exception {
        HttpResponse<String> response = send("GET", "/designations?status=maybe");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains(HttpResponses.JSON);
        assertThat(response.body())
                .isEqualTo("{\"error\":\"status: 'maybe' is not a status; write ACTIVE or DELISTED\"}");
        assertThat(send("GET", "/designationsX").statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/designations/JP-MOFA%2FRU-P-0425").statusCode())
                .isEqualTo(405);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(server.url() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
