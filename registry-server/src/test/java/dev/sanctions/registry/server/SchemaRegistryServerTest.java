package dev.sanctions.registry.server;

import static dev.sanctions.registry.server.Schemas.A;
import static dev.sanctions.registry.server.Schemas.A_B;
import static dev.sanctions.registry.server.Schemas.A_B_DEFAULTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sanctions.registry.client.RegisteredSchema;
import dev.sanctions.registry.client.RestSchemaRegistryClient;
import dev.sanctions.registry.client.SchemaRegistryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST API over HTTP: raw requests for exact codes and bodies, and our client for the round trips. */
class SchemaRegistryServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final InMemorySchemaStore store = new InMemorySchemaStore();
    private SchemaRegistryServer server;
    private RestSchemaRegistryClient client;

    private record Reply(int status, String contentType, JsonNode body) {}

    @BeforeEach
    void start() throws IOException {
        server = SchemaRegistryServer.start("127.0.0.1", 0, store);
        client = RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", server.url()));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private Reply call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Accept", "application/vnd.schemaregistry.v1+json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                JSON.readTree(response.body()));
    }

    private static String schemaBody(String schema) {
        return JSON.createObjectNode().put("schema", schema).toString();
    }

    @Test
    void urlAndPortDescribeTheBoundAddress() {
        assertThat(server.port()).isPositive();
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
    }

    @Test
    void registersIdempotentlyAndLooksUp() throws Exception {
        Reply first = call("POST", "/subjects/things-value/versions", schemaBody(A));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(first.body()).isEqualTo(JSON.readTree("{\"id\":1}"));
        // Whitespace does not make another schema.
        Reply again = call("POST", "/subjects/things-value/versions", schemaBody(A.replace(",", ", ")));
        assertThat(again.body().get("id").asInt()).isEqualTo(1);
        assertThat(call("GET", "/subjects/things-value/versions", null).body()).isEqualTo(JSON.readTree("[1]"));

        Reply lookup = call("POST", "/subjects/things-value", schemaBody(A));
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.body().get("subject").asText()).isEqualTo("things-value");
        assertThat(lookup.body().get("version").asInt()).isEqualTo(1);
        assertThat(lookup.body().get("id").asInt()).isEqualTo(1);
        assertThat(new Schema.Parser().parse(lookup.body().get("schema").asText()))
                .isEqualTo(new Schema.Parser().parse(A));
    }

    @Test
    void idsAreGlobalAcrossSubjects() {
        Schema a = new Schema.Parser().parse(A);
        Schema ab = new Schema.Parser().parse(A_B_DEFAULTED);
        int idA = client.register("one-value", a);
        int idAb = client.register("one-value", ab);
        assertThat(client.register("two-value", ab)).isEqualTo(idAb);
        assertThat(client.register("two-value", a)).isEqualTo(idA);
        assertThat(idAb).isEqualTo(idA + 1);
        assertThat(client.getLatest("two-value")).isEqualTo(new RegisteredSchema("two-value", 2, idA, a));
        assertThat(client.getById(idAb)).isEqualTo(ab);
    }

    @Test
    void servesVersionsLatestAndRawSchemas() throws Exception {
        call("POST", "/subjects/s/versions", schemaBody(A));
        call("POST", "/subjects/s/versions", schemaBody(A_B_DEFAULTED));
        assertThat(call("GET", "/subjects", null).body()).isEqualTo(JSON.readTree("[\"s\"]"));
        assertThat(call("GET", "/subjects/s/versions", null).body()).isEqualTo(JSON.readTree("[1,2]"));
        JsonNode latest = call("GET", "/subjects/s/versions/latest", null).body();
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("id").asInt()).isEqualTo(2);
        assertThat(call("GET", "/subjects/s/versions/-1", null).body()).isEqualTo(latest);
        assertThat(call("GET", "/subjects/s/versions/1", null).body().get("id").asInt())
                .isEqualTo(1);
        assertThat(call("GET", "/subjects/s/versions/1/schema", null).body())
                .isEqualTo(JSON.readTree(new Schema.Parser().parse(A).toString()));
        assertThat(call("GET", "/schemas/ids/2", null).body().get("schema").asText())
                .isEqualTo(new Schema.Parser().parse(A_B_DEFAULTED).toString());
    }

    @Test
    void notFoundAnswersCarryConfluentCodes() throws Exception {
        assertError(call("GET", "/subjects/nope/versions", null), 404, 40401);
        assertError(call("POST", "/subjects/nope", schemaBody(A)), 404, 40401);
        call("POST", "/subjects/s/versions", schemaBody(A));
        assertError(call("GET", "/subjects/s/versions/7", null), 404, 40402);
        assertError(call("POST", "/subjects/s", schemaBody(A_B_DEFAULTED)), 404, 40403);
        assertError(call("GET", "/schemas/ids/99", null), 404, 40403);
        assertError(call("GET", "/subjects/s/versions/zero", null), 422, 42202);
        assertError(call("GET", "/no/such/path", null), 404, 404);
        assertError(call("DELETE", "/config", null), 405, 405);
    }

    @Test
    void invalidInputIsRejectedWithConfluentCodes() throws Exception {
        assertError(call("POST", "/subjects/s/versions", schemaBody("{\"type\":\"record\"")), 422, 42201);
        assertError(call("POST", "/subjects/s/versions", schemaBody("{\"type\":\"nonsense\"}")), 422, 42201);
        assertError(call("POST", "/subjects/s/versions", "{}"), 422, 42201);
        assertError(
                call("POST", "/subjects/s/versions", "{\"schema\":\"\\\"string\\\"\",\"schemaType\":\"PROTOBUF\"}"),
                422,
                42201);
        assertError(call("POST", "/subjects/s/versions", "not json"), 400, 400);
        assertError(call("PUT", "/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
        assertThat(call("GET", "/subjects", null).body()).isEmpty();
    }

    @Test
    void registeringAnIncompatibleSchemaIs409() throws Exception {
        call("POST", "/subjects/s/versions", schemaBody(A));
        Reply reply = call("POST", "/subjects/s/versions", schemaBody(A_B));
        assertError(reply, 409, 409);
        assertThat(reply.body().get("message").asText()).contains("incompatible with an earlier schema");
        assertThatThrownBy(() -> client.register("s", new Schema.Parser().parse(A_B)))
                .isInstanceOfSatisfying(
                        SchemaRegistryException.class,
                        e -> assertThat(e.isIncompatible()).isTrue());
    }

    @Test
    void compatibilityResource() throws Exception {
        assertThat(call("POST", "/compatibility/subjects/s/versions/latest", schemaBody(A))
                        .body())
                .isEqualTo(JSON.readTree("{\"is_compatible\":true}"));
        call("POST", "/subjects/s/versions", schemaBody(A));
        assertThat(call("POST", "/compatibility/subjects/s/versions/latest", schemaBody(A_B))
                        .body())
                .isEqualTo(JSON.readTree("{\"is_compatible\":false}"));
        Reply verbose = call("POST", "/compatibility/subjects/s/versions/1?verbose=true", schemaBody(A_B));
        assertThat(verbose.body().get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.body().get("messages").get(0).asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertError(call("POST", "/compatibility/subjects/s/versions/2", schemaBody(A_B)), 404, 40402);
        assertError(call("POST", "/compatibility/subjects/none/versions/1", schemaBody(A_B)), 404, 40401);
        assertThat(client.isCompatible("s", new Schema.Parser().parse(A_B_DEFAULTED)))
                .isTrue();
        assertThat(client.isCompatible("s", new Schema.Parser().parse(A_B))).isFalse();
    }

    @Test
    void configGlobalAndPerSubject() throws Exception {
        assertThat(call("GET", "/config", null).body())
                .isEqualTo(JSON.readTree("{\"compatibilityLevel\":\"BACKWARD\"}"));
        Reply put = call("PUT", "/config", "{\"compatibility\":\"full\"}");
        assertThat(put.body()).isEqualTo(JSON.readTree("{\"compatibility\":\"FULL\"}"));
        assertThat(call("GET", "/config", null).body().get("compatibilityLevel").asText())
                .isEqualTo("FULL");

        assertError(call("GET", "/config/s", null), 404, 40408);
        assertThat(call("GET", "/config/s?defaultToGlobal=true", null)
                        .body()
                        .get("compatibilityLevel")
                        .asText())
                .isEqualTo("FULL");
        assertThat(call("PUT", "/config/s", "{\"compatibility\":\"NONE\"}").body())
                .isEqualTo(JSON.readTree("{\"compatibility\":\"NONE\"}"));
        assertThat(call("GET", "/config/s", null)
                        .body()
                        .get("compatibilityLevel")
                        .asText())
                .isEqualTo("NONE");

        client.setCompatibility("t", "FORWARD_TRANSITIVE");
        assertThat(client.getCompatibility("t")).isEqualTo("FORWARD_TRANSITIVE");
        assertThat(client.getCompatibility("u")).isEqualTo("FULL");
        assertThat(client.getCompatibility(null)).isEqualTo("FULL");
    }

    @Test
    void subjectsAreUrlDecoded() throws Exception {
        Schema a = new Schema.Parser().parse(A);
        int id = client.register("odd/subject name+1", a);
        assertThat(call("GET", "/subjects", null).body()).isEqualTo(JSON.readTree("[\"odd/subject name+1\"]"));
        assertThat(call("GET", "/subjects/odd%2Fsubject%20name+1/versions/1", null)
                        .body()
                        .get("id")
                        .asInt())
                .isEqualTo(id);
    }

    @Test
    void aRestartedServerKeepsIdsVersionsAndLevels() throws IOException {
        Schema a = new Schema.Parser().parse(A);
        Schema ab = new Schema.Parser().parse(A_B_DEFAULTED);
        client.register("s", a);
        int idAb = client.register("s", ab);
        client.setCompatibility("s", "NONE");
        server.close();

        server = SchemaRegistryServer.start("127.0.0.1", 0, store);
        try (RestSchemaRegistryClient restarted =
                RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", server.url()))) {
            assertThat(restarted.getLatest("s")).isEqualTo(new RegisteredSchema("s", 2, idAb, ab));
            assertThat(restarted.getCompatibility("s")).isEqualTo("NONE");
            assertThat(restarted.register("other", new Schema.Parser().parse(A_B)))
                    .isEqualTo(idAb + 1);
        }
    }

    @Test
    void aTakenPortIsReportedWithHostAndPort() {
        int taken = server.port();
        assertThatThrownBy(() -> SchemaRegistryServer.start("127.0.0.1", taken, new InMemorySchemaStore()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("127.0.0.1:" + taken)
                .hasMessageContaining("another port");
    }

    private static void assertError(Reply reply, int status, int code) {
        assertThat(reply.status()).as("HTTP status of %s", reply.body()).isEqualTo(status);
        assertThat(reply.body().get("error_code").asInt()).isEqualTo(code);
        assertThat(reply.body().get("message").asText()).isNotBlank();
    }
}
