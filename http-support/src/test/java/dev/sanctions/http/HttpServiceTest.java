package dev.sanctions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real server with an echo endpoint that takes bodies of at most {@value #LIMIT} bytes. */
class HttpServiceTest {

    private static final int LIMIT = 8;
    private static final JsonErrors ERRORS = new JsonErrors(
            "application/json", refusal -> JsonNodeFactory.instance.objectNode().put("error", refusal.getMessage()));

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpService service;

    @BeforeEach
    void start() throws IOException {
        service = HttpService.bind("echo service", "127.0.0.1", 0);
        service.serve(Map.of("/echo", HttpServiceTest::echo));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private static void echo(HttpExchange exchange) throws IOException {
        try {
            byte[] body = RequestBody.read(exchange, LIMIT);
            Responses.send(exchange, 200, "text/plain", body);
        } catch (RequestRefused refusal) {
            ERRORS.send(exchange, refusal);
        }
    }

    @Test
    void theUrlNamesTheHostAsGivenAndTheBoundPort() {
        assertThat(service.port()).isPositive();
        assertThat(service.url()).isEqualTo(URI.create("http://127.0.0.1:" + service.port()));
    }

    @Test
    void aBodyWithinTheLimitIsRead() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString("12345678"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("12345678");
    }

    @Test
    void aLargerBodyIsRefusedWith413AndTheApisJsonError() throws Exception {
        HttpResponse<String> declared = post(HttpRequest.BodyPublishers.ofString("123456789"));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(declared.body()).isEqualTo("{\"error\":\"Request body larger than 8 bytes\"}");

        // Without a Content-Length (chunked), the limit is found while reading.
        HttpResponse<String> chunked = post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream("123456789".getBytes(StandardCharsets.UTF_8))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).isEqualTo("{\"error\":\"Request body larger than 8 bytes\"}");
    }

    @Test
    void aHeadRequestGetsTheStatusAndHeadersWithoutABody() throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(service.url() + "/echo"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aTakenPortIsReportedWithHostPortAndWhatToDo() {
        int taken = service.port();
        assertThatThrownBy(() -> HttpService.bind("echo service", "127.0.0.1", taken))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("Cannot start the echo service on 127.0.0.1:" + taken)
                .hasMessageContaining("Choose another port");
    }

    @Test
    void anUnknownHostIsReportedWithWhatToUseInstead() {
        assertThatThrownBy(() -> HttpService.bind("echo service", "no-such-host.invalid", 0))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no-such-host.invalid:0: unknown host")
                .hasMessageContaining("127.0.0.1");
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(service.url() + "/echo"))
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
