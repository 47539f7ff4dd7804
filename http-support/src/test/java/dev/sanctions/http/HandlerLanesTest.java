package dev.sanctions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slow queries fill the threads that answer: probes still answer, and beyond the queue clients hear 503. */
class HandlerLanesTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newHttpClient();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger slowQueriesRunning = new AtomicInteger();
    private final List<CompletableFuture<HttpResponse<String>>> slowQueries = new ArrayList<>();
    private HttpService service;

    @BeforeEach
    void start() throws IOException {
        service = HttpService.bind("lanes service", "127.0.0.1", 0);
        service.serve(
                Map.of(
                        "/slow",
                                exchange -> {
                                    slowQueriesRunning.incrementAndGet();
                                    try {
                                        release.await();
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                    Responses.send(
                                            exchange, 200, "text/plain", "done".getBytes(StandardCharsets.UTF_8));
                                },
                        "/quick", exchange -> Responses.send(exchange, 200, "text/plain", new byte[0]),
                        "/health",
                                exchange -> Responses.send(
                                        exchange,
                                        200,
                                        "application/json",
                                        "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8))),
                Set.of("/health"));
    }

    @AfterEach
    void stop() {
        release.countDown();
        slowQueries.forEach(query -> query.cancel(true));
        service.close();
    }

    @Test
    void aProbeAnswersWhileEveryHandlerIsBusyWithASlowQuery() throws Exception {
        startSlowQueries(HttpService.HANDLER_THREADS);
        await().atMost(PROMPTLY).until(() -> slowQueriesRunning.get() == HttpService.HANDLER_THREADS);

        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");

        release.countDown();
        for (CompletableFuture<HttpResponse<String>> query : slowQueries) {
            assertThat(query.get().body()).isEqualTo("done");
        }
    }

    @Test
    void beyondTheQueueAClientHears503AtOnceAndLaterIsAnswered() throws Exception {
        startSlowQueries(HttpService.HANDLER_THREADS + HttpService.HANDLER_QUEUE);
        await().atMost(PROMPTLY).until(() -> slowQueriesRunning.get() == HttpService.HANDLER_THREADS);

        // Until every slow query has been read, a quick request may still find room in the queue (and wait there).
        await().atMost(PROMPTLY)
                .ignoreExceptions()
                .until(() -> get("/quick", Duration.ofMillis(500)).statusCode() == 503);
        HttpResponse<String> refused = get("/quick");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(refused.body()).isEqualTo("The lanes service is busy: try again in a moment.\n");

        release.countDown();
        await().atMost(PROMPTLY).until(() -> get("/quick").statusCode() == 200);
    }

    private void startSlowQueries(int count) {
        for (int i = 0; i < count; i++) {
            slowQueries.add(client.sendAsync(
                    HttpRequest.newBuilder(URI.create(service.url() + "/slow")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, PROMPTLY);
    }

    private HttpResponse<String> get(String path, Duration timeout) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create(service.url() + path))
                        .timeout(timeout)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
