package dev.sanctions.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sanctions.core.Topics;
import dev.sanctions.http.Responses;
import dev.sanctions.testkit.KafkaBackendExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The processor's HTTP API as started for real, with slow clients and slow queries: {@code /health}, {@code /metrics}
 * and quick queries are still answered at once.
 */
// It counts the JVM's HTTP handler threads: another class's processor running alongside would add to them.
@Isolated
class HttpApiUnderLoadIT {

    /** Twice the threads that answer queries. */
    private static final int SLOW = 8;

    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    @TempDir
    Path stateDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger slowQueriesRunning = new AtomicInteger();
    private final List<Socket> slowClients = new ArrayList<>();
    private final List<CompletableFuture<HttpResponse<String>>> slowQueries = new ArrayList<>();
    private SanctionsProcessor processor;

    @BeforeEach
    void start() {
        Topics topics = ProcessorItSupport.createTopics(KAFKA.backend(), "http-load", List.of("JP"));
        ProcessorSettings settings = ProcessorItSupport.settings(KAFKA.backend(), topics, "http-load-it", stateDir);
        // Stands for a designation query that takes long (a peer that does not answer, a huge list).
        processor = SanctionsProcessor.start(
                settings,
                streams -> Map.of("/slow", exchange -> {
                    slowQueriesRunning.incrementAndGet();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    Responses.send(exchange, 200, "text/plain", new byte[0]);
                }));
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> get("/health").statusCode() == 200);
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        for (Socket socket : slowClients) {
            socket.close();
        }
        slowQueries.forEach(query -> query.cancel(true));
        processor.close();
    }

    @Test
    void slowClientsDoNotKeepHealthOrAQueryFromBeingAnswered() throws IOException {
        for (int i = 0; i < SLOW / 2; i++) {
            slowClient("GET /designations/JP-MOFA%2FRU-P-1 HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            slowClient("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\n12");
        }
        await().atMost(PROMPTLY)
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                                .filter(thread -> thread.getName().startsWith("processor-http-api-http-"))
                                .count()
                        >= 4);

        await().atMost(PROMPTLY).until(() -> get("/health").statusCode() == 200);
        await().atMost(PROMPTLY)
                .until(() -> get("/designations/JP-MOFA%2FRU-P-1").statusCode() == 404);
    }

    @Test
    void slowQueriesOnEveryHandlerThreadDoNotHoldHealthOrMetrics() throws Exception {
        for (int i = 0; i < 4; i++) {
            slowQueries.add(http.sendAsync(
                    HttpRequest.newBuilder(URI.create(processor.httpUrl() + "/slow"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(PROMPTLY).until(() -> slowQueriesRunning.get() == 4);

        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        assertThat(get("/metrics").statusCode()).isEqualTo(200);
    }

    private void slowClient(String partialRequest) throws IOException {
        Socket socket = new Socket("127.0.0.1", processor.httpUrl().getPort());
        slowClients.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(partialRequest.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(processor.httpUrl() + path))
                        .timeout(PROMPTLY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
