package dev.sanctions.registry.server;

import static org.awaitility.Awaitility.await;

import dev.sanctions.registry.client.RestSchemaRegistryClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that send part of a request and then nothing, twice as many as the registry has threads to answer:
 * a producer registering its schema (what {@code publish} does first) is still answered at once.
 */
class SlowClientsTest {

    private static final int SLOW_CLIENTS = 8;
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    private final List<Socket> slowClients = new ArrayList<>();
    private SchemaRegistryServer server;
    private RestSchemaRegistryClient client;

    @BeforeEach
    void start() throws IOException {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        client = RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", server.url(), "max.retries", "0"));
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : slowClients) {
            socket.close();
        }
        client.close();
        server.close();
    }

    @Test
    void slowClientsDoNotKeepAProducerFromRegisteringItsSchema() throws IOException {
        for (int i = 0; i < SLOW_CLIENTS / 2; i++) {
            slowClient("GET /subjects HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            slowClient("POST /subjects/t-value/versions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/vnd.schemaregistry.v1+json\r\nContent-Length: 100\r\n\r\n{\"sch");
        }
        await().atMost(PROMPTLY)
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                                .filter(thread -> thread.getName().startsWith("schema-registry-http-"))
                                .count()
                        >= 4);

        Schema schema = new Schema.Parser().parse(Schemas.A);
        await().atMost(PROMPTLY).until(() -> client.register("announcements-value", schema) > 0);
    }

    private void slowClient(String partialRequest) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        slowClients.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(partialRequest.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
