package dev.sanctions.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server that asks for logins: who gets in, where no login is needed, and who may write. */
class BasicAccessTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpService service;

    @BeforeEach
    void start() throws IOException {
        BasicAccess access =
                new BasicAccess("test", (user, password) -> password.equals(user + "-secret"), Set.of("writer"));
        service = HttpService.bind("role service", "127.0.0.1", 0);
        service.requireLogin(access, Set.of("/health"));
        service.serve(Map.of(
                "/role",
                exchange -> Responses.send(
                        exchange,
                        200,
                        "text/plain",
                        (BasicAccess.principal(exchange) + (access.mayWrite(exchange) ? " writes" : " reads"))
                                .getBytes(StandardCharsets.UTF_8)),
                "/health",
                exchange -> Responses.send(exchange, 200, "text/plain", "UP".getBytes(StandardCharsets.UTF_8))));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void noLoginOrAWrongPasswordIsRefusedWithAChallenge() throws Exception {
        HttpResponse<String> anonymous = get("/role", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Basic realm=\"test\""));
        assertThat(get("/role", "reader:wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void aLoginReadsAndOnlyAWriterWrites() throws Exception {
        HttpResponse<String> reader = get("/role", "reader:reader-secret");
        assertThat(reader.statusCode()).isEqualTo(200);
        assertThat(reader.body()).isEqualTo("reader reads");
        assertThat(get("/role", "writer:writer-secret").body()).isEqualTo("writer writes");
    }

    @Test
    void anOpenPathNeedsNoLogin() throws Exception {
        assertThat(get("/health", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String userInfo) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url() + path));
        if (userInfo != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
