package dev.sanctions.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.registry.client.RestSchemaRegistryClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What {@code sanctions dev} relies on: schema ids that outlive the process, and clear port clashes. */
class EmbeddedStackIT {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStackIT.class);
    private static final Map<String, Schema> CONTRACT = contract();

    @TempDir
    Path dataDir;

    @Test
    void schemaIdsSurviveARestartOnTheSameDirectory() throws Exception {
        Map<String, Integer> ids = new LinkedHashMap<>();
        try (EmbeddedStack stack = timedStart(dataDir, 0, 0);
                RestSchemaRegistryClient client = client(stack)) {
            CONTRACT.forEach((subject, schema) -> ids.put(subject, client.register(subject, schema)));
        }
        assertThat(ids.values()).doesNotHaveDuplicates();

        try (EmbeddedStack stack = timedStart(dataDir, 0, 0);
                RestSchemaRegistryClient client = client(stack)) {
            for (Map.Entry<String, Schema> contract : CONTRACT.entrySet()) {
                int id = ids.get(contract.getKey());
                HttpResponse<String> byId = get(stack.schemaRegistryUrl() + "/schemas/ids/" + id);
                assertThat(byId.statusCode()).isEqualTo(200);
                assertThat(new Schema.Parser().parse(schemaField(byId.body()))).isEqualTo(contract.getValue());
                assertThat(client.register(contract.getKey(), contract.getValue()))
                        .isEqualTo(id);
            }
        }
    }

    @Test
    void aTakenRegistryPortFailsWithPortInUseBeforeTheBrokerStarts(@TempDir Path otherDir) {
        try (EmbeddedStack first = EmbeddedStack.start(dataDir, 0, 0)) {
            int port = URI.create(first.schemaRegistryUrl()).getPort();
            assertThatThrownBy(() -> EmbeddedStack.start(otherDir, 0, port))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("port " + port + " on 127.0.0.1 is already in use: stop what uses it or choose another"
                            + " with --registry-port");
            assertThat(otherDir).isEmptyDirectory();
        }
    }

    private static EmbeddedStack timedStart(Path dir, int kafkaPort, int registryPort) {
        long started = System.nanoTime();
        EmbeddedStack stack = EmbeddedStack.start(dir, kafkaPort, registryPort);
        LOG.info("MEASURE stack start-to-ready {} ms", (System.nanoTime() - started) / 1_000_000);
        return stack;
    }

    private static RestSchemaRegistryClient client(EmbeddedStack stack) {
        return RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", stack.schemaRegistryUrl()));
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The "schema" string of the registry's {"schema": "..."} answer. */
    private static String schemaField(String body) throws IOException {
        return new ObjectMapper().readTree(body).get("schema").asText();
    }

    private static Map<String, Schema> contract() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        List.of(
                        Announcement.getClassSchema(),
                        DesignationState.getClassSchema(),
                        DesignationChange.getClassSchema(),
                        RejectedAction.getClassSchema())
                .forEach(schema -> schemas.put("sanctions." + schema.getName() + "-value", schema));
        return schemas;
    }
}
