package dev.sanctions.http;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Clients that open a connection, send part of a request and then nothing: however many of them there are
 * (here twice as many as the threads that answer), a complete request is still answered at once.
 */
class SlowClientsTest {

    /** Twice the threads that answer requests. */
    private static final int SLOW_CLIENTS = 8;

    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Socket> slowClients = new ArrayList<>();
    private HttpService service;
    private String threadPrefix;

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : slowClients) {
            socket.close();
        }
        service.close();
    }

    @Test
    void clientsThatTrickleTheirHeadersHoldNoThreadThatAnswers(TestInfo test) throws IOException {
        start(test);
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            slowClient("GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n");
        }
        awaitTheServerReadingThem();

        await().atMost(PROMPTLY).until(() -> post("12345678").body().equals("12345678"));
    }

    @Test
    void clientsThatNeverFinishTheirBodyHoldNoThreadThatAnswers(TestInfo test) throws IOException {
        start(test);
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            slowClient("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 8\r\n\r\n1234");
        }
        awaitTheServerReadingThem();

        await().atMost(PROMPTLY).until(() -> post("12345678").body().equals("12345678"));
    }

    private void start(TestInfo test) throws IOException {
        String name = "slow " + test.getTestMethod().orElseThrow().getName();
        threadPrefix = name.replace(' ', '-').toLowerCase(Locale.ROOT) + "-http-";
        service = HttpService.bind(name, "127.0.0.1", 0);
        service.serve(Map.of("/echo", exchange -> {
            byte[] body = RequestBody.read(exchange, 8);
            Responses.send(exchange, 200, "text/plain", body);
        }));
    }

    private void slowClient(String partialRequest) throws IOException {
        Socket socket = new Socket("127.0.0.1", service.port());
        slowClients.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(partialRequest.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The server has threads on at least four of the slow clients: as many as there were threads to answer. */
    private void awaitTheServerReadingThem() {
        await().atMost(PROMPTLY)
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                                .filter(thread -> thread.getName().startsWith(threadPrefix))
                                .count()
                        >= 4);
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create(service.url() + "/echo"))
                        .timeout(PROMPTLY)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
