package dev.sanctions.processor.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.http.HttpService;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A streamed list reaches the client page by page: the next page is read only after the client has the first. */
class ListingResponseTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpService server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theClientReadsTheFirstPageBeforeTheSecondIsRead() throws Exception {
        CountDownLatch firstPageRead = new CountDownLatch(1);
        List<String> readAfterTheClientHadTheFirstPage = new ArrayList<>();
        serve((exchange) -> ListingResponse.send(
                exchange,
                DesignationHandler.JSON_LINES,
                true,
                new ListingPage(List.of("{\"k\":1}", "{\"k\":2}"), "2"),
                after -> {
                    // Were the first page still in the server's memory, the client could not have read it yet.
                    try {
                        if (firstPageRead.await(10, TimeUnit.SECONDS)) {
                            readAfterTheClientHadTheFirstPage.add(after);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new ListingPage(List.of("{\"k\":3}"), null);
                }));

        HttpResponse<InputStream> response = client.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/list")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        List<String> lines = new ArrayList<>();
        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            lines.add(body.readLine());
            lines.add(body.readLine());
            firstPageRead.countDown();
            for (String line = body.readLine(); line != null; line = body.readLine()) {
                lines.add(line);
            }
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(lines).containsExactly("{\"k\":1}", "{\"k\":2}", "{\"k\":3}");
        assertThat(readAfterTheClientHadTheFirstPage).containsExactly("2");
    }

    @Test
    void anArrayIsStreamedAsOneValidJsonArray() throws Exception {
        serve(exchange -> ListingResponse.send(
                exchange,
                HttpResponses.JSON,
                false,
                new ListingPage(List.of("1", "2"), "2"),
                after -> new ListingPage(List.of("3"), null)));

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/list")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("[1,2,3]");
    }

    private void serve(com.sun.net.httpserver.HttpHandler handler) throws Exception {
        server = HttpService.bind("listing test", "127.0.0.1", 0);
        server.serve(Map.of("/list", handler));
    }
}
