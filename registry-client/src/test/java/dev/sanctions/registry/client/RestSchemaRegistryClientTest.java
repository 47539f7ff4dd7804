package dev.sanctions.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

    private static final Schema TEST_SCHEMA = new Schema.Parser()
            .parse("{\"type\":\"record\",\"name\":\"test\",\"fields\":["
                    + "{\"type\":\"string\",\"name\":\"field1\"},{\"type\":\"int\",\"name\":\"field2\"}]}");
    /** The schema as Confluent's documentation shows it inside response bodies: a JSON string. */
    private static final String TEST_SCHEMA_JSON_STRING =
            "\"{\\\"type\\\": \\\"record\\\", \\\"name\\\": \\\"test\\\", \\\"fields\\\": "
                    + "[{\\\"type\\\": \\\"string\\\", \\\"name\\\": \\\"field1\\\"}, "
                    + "{\\\"type\\\": \\\"int\\\", \\\"name\\\": \\\"field2\\\"}]}\"";

    private StubRegistry stub;

    @BeforeEach
    void startStub() throws IOException {
        stub = new StubRegistry();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private RestSchemaRegistryClient client(Map<String, Object> extra) {
        Map<String, Object> configs = new HashMap<>();
        configs.put("schema.registry.url", stub.url());
        configs.put("retries.wait.ms", "1");
        configs.put("retries.max.wait.ms", "5");
        configs.putAll(extra);
        return RestSchemaRegistryClient.fromConfig(configs);
    }

    private RestSchemaRegistryClient client() {
        return client(Map.of());
    }

    @Test
    void registerPostsTheSchemaWithTheRegistryContentTypeAndCachesTheId() {
        stub.answer("POST", "/subjects/test/versions", 200, "{\"id\":1}");
        try (RestSchemaRegistryClient client = client()) {
            assertThat(client.register("test", TEST_SCHEMA)).isEqualTo(1);
            assertThat(client.register("test", TEST_SCHEMA)).isEqualTo(1);
        }
        assertThat(stub.requests()).hasSize(1);
        StubRegistry.Request request = stub.requests().get(0);
        assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.header("Accept")).startsWith("application/vnd.schemaregistry.v1+json");
        assertThat(request.body()).isEqualTo("{\"schema\":" + jsonString(TEST_SCHEMA.toString()) + "}");
        assertThat(request.header("Authorization")).isNull();
    }

    @Test
    void getByIdParsesTheDocumentedBodyAndCachesIt() {
        stub.answer("GET", "/schemas/ids/1", 200, "{\n  \"schema\": \"{\\\"type\\\": \\\"string\\\"}\"\n}");
        try (RestSchemaRegistryClient client = client()) {
            assertThat(client.getById(1)).isEqualTo(Schema.create(Schema.Type.STRING));
            assertThat(client.getById(1)).isEqualTo(Schema.create(Schema.Type.STRING));
        }
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void registeredSchemasAreKnownByIdWithoutAnotherRequest() {
        stub.answer("POST", "/subjects/test/versions", 200, "{\"id\":5}");
        try (RestSchemaRegistryClient client = client()) {
            client.register("test", TEST_SCHEMA);
            assertThat(client.getById(5)).isSameAs(TEST_SCHEMA);
        }
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void getIdReadsTheLookupAnswer() {
        stub.answer(
                "POST",
                "/subjects/test",
                200,
                "{\"subject\": \"test\", \"id\": 1, \"version\": 3, \"schema\": " + TEST_SCHEMA_JSON_STRING + "}");
        try (RestSchemaRegistryClient client = client()) {
            assertThat(client.getId("test", TEST_SCHEMA)).isEqualTo(1);
        }
    }

    @Test
    void lookupOfAnUnknownSchemaFailsWithTheRegistryCodeAndMessage() {
        stub.answer("POST", "/subjects/test", 404, "{\"error_code\": 40403, \"message\": \"Schema not found\"}");
        try (RestSchemaRegistryClient client = client()) {
            assertThatThrownBy(() -> client.getId("test", TEST_SCHEMA))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(404);
                        assertThat(e.errorCode()).isEqualTo(40403);
                    })
                    .hasMessageContaining("Schema not found")
                    .hasMessageContaining("subject 'test'")
                    .hasMessageContaining("schema.registry.url");
        }
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void getLatestReadsSubjectVersionIdAndSchema() {
        stub.answer(
                "GET",
                "/subjects/test/versions/latest",
                200,
                "{\"subject\": \"test\", \"id\": 4, \"version\": 2, " + "\"schema\": " + TEST_SCHEMA_JSON_STRING + "}");
        try (RestSchemaRegistryClient client = client()) {
            assertThat(client.getLatest("test")).isEqualTo(new RegisteredSchema("test", 2, 4, TEST_SCHEMA));
        }
    }

    @Test
    void isCompatibleReadsTheVerdictAndTreatsAnUnknownSubjectAsCompatible() {
        stub.answer("POST", "/compatibility/subjects/yes/versions/latest", 200, "{\n  \"is_compatible\": true\n}");
        stub.answer("POST", "/compatibility/subjects/no/versions/latest", 200, "{\"is_compatible\": false}");
        stub.answer(
                "POST",
                "/compatibility/subjects/new/versions/latest",
                404,
                "{\"error_code\": 40401, \"message\": \"Subject 'new' not found.\"}");
        try (RestSchemaRegistryClient client = client()) {
            assertThat(client.isCompatible("yes", TEST_SCHEMA)).isTrue();
            assertThat(client.isCompatible("no", TEST_SCHEMA)).isFalse();
            assertThat(client.isCompatible("new", TEST_SCHEMA)).isTrue();
        }
    }

    @Test
    void readsAndSetsCompatibilityGloballyAndPerSubject() {
        stub.answer("GET", "/config", 200, "{\n  \"compatibilityLevel\": \"FULL\"\n}");
        stub.answer("GET", "/config/test", 200, "{\"compatibilityLevel\": \"NONE\"}");
        stub.answer("PUT", "/config", 200, "{\"compatibility\": \"FORWARD\"}");
        stub.answer("PUT", "/config/test", 200, "{\"compatibility\": \"FULL_TRANSITIVE\"}");
        try (RestSchemaRegistryClient client = client()) {
            assertThat(client.getCompatibility(null)).isEqualTo("FULL");
            assertThat(client.getCompatibility("test")).isEqualTo("NONE");
            client.setCompatibility(null, "FORWARD");
            client.setCompatibility("test", "FULL_TRANSITIVE");
        }
        assertThat(stub.requests())
                .extracting(StubRegistry.Request::body)
                .contains("{\"compatibility\":\"FORWARD\"}", "{\"compatibility\":\"FULL_TRANSITIVE\"}");
        assertThat(stub.requests())
                .filteredOn(
                        r -> r.rawPath().equals("/config/test") && r.method().equals("GET"))
                .extracting(StubRegistry.Request::rawQuery)
                .containsExactly("defaultToGlobal=true");
    }

    @Test
    void aSubjectWithoutItsOwnLevelFallsBackToTheGlobalOne() {
        stub.answer(
                "GET",
                "/config/test",
                404,
                "{\"error_code\": 40408, \"message\": "
                        + "\"Subject 'test' does not have subject-level compatibility configured\"}");
        stub.answer("GET", "/config", 200, "{\"compatibilityLevel\": \"BACKWARD\"}");
        try (RestSchemaRegistryClient client = client()) {
            assertThat(client.getCompatibility("test")).isEqualTo("BACKWARD");
        }
    }

    @Test
    void anInvalidLevelIsReportedWithTheAllowedOnes() {
        stub.answer("PUT", "/config", 422, "{\"error_code\": 42203, \"message\": \"Invalid compatibility level\"}");
        try (RestSchemaRegistryClient client = client()) {
            assertThatThrownBy(() -> client.setCompatibility(null, "SIDEWAYS"))
                    .isInstanceOfSatisfying(
                            SchemaRegistryException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(42203))
                    .hasMessageContaining("Invalid compatibility level")
                    .hasMessageContaining("FULL_TRANSITIVE");
        }
    }

    @Test
    void incompatibleSchemasAreRejectedWithEitherCodeAndNeverRetried() {
        stub.answer(
                "POST",
                "/subjects/old/versions",
                409,
                "{\"error_code\": 409, \"message\": "
                        + "\"Schema being registered is incompatible with an earlier schema\"}");
        stub.answer(
                "POST",
                "/subjects/new/versions",
                409,
                "{\"error_code\": 40901, \"message\": "
                        + "\"Schema being registered is incompatible with an earlier schema for subject \\\"new\\\"\"}");
        try (RestSchemaRegistryClient client = client()) {
            assertThatThrownBy(() -> client.register("old", TEST_SCHEMA))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.isIncompatible()).isTrue();
                        assertThat(e.errorCode()).isEqualTo(409);
                    })
                    .hasMessageContaining("incompatible with an earlier schema")
                    .hasMessageContaining("add new fields with defaults");
            assertThatThrownBy(() -> client.register("new", TEST_SCHEMA))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.isIncompatible()).isTrue();
                        assertThat(e.errorCode()).isEqualTo(40901);
                    });
        }
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void serverErrorsAreRetriedUntilSuccess() {
        stub.answer(
                        "POST",
                        "/subjects/test/versions",
                        503,
                        "{\"error_code\": 50003, \"message\": \"Error while forwarding\"}")
                .answer(
                        "POST",
                        "/subjects/test/versions",
                        500,
                        "{\"error_code\": 50001, \"message\": \"Error in the backend data store\"}")
                .answer("POST", "/subjects/test/versions", 200, "{\"id\":9}");
        try (RestSchemaRegistryClient client = client()) {
            assertThat(client.register("test", TEST_SCHEMA)).isEqualTo(9);
        }
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void retriesAreBounded() {
        stub.answer(
                "GET",
                "/schemas/ids/1",
                500,
                "{\"error_code\": 50001, \"message\": \"Error in the backend data store\"}");
        try (RestSchemaRegistryClient client = client(Map.of("max.retries", "2"))) {
            assertThatThrownBy(() -> client.getById(1))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(500);
                        assertThat(e.errorCode()).isEqualTo(50001);
                    })
                    .hasMessageContaining("after 3 tries")
                    .hasMessageContaining("Error in the backend data store")
                    .hasMessageContaining("running and reachable");
        }
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void failsOverToTheNextUrlWhenOneIsUnreachable() throws IOException {
        stub.answer("GET", "/schemas/ids/1", 200, "{\"schema\": \"\\\"string\\\"\"}");
        try (RestSchemaRegistryClient client = RestSchemaRegistryClient.fromConfig(Map.of(
                "schema.registry.url",
                "http://127.0.0.1:" + closedPort() + "," + stub.url(),
                "retries.wait.ms",
                "1"))) {
            assertThat(client.getById(1)).isEqualTo(Schema.create(Schema.Type.STRING));
        }
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void anUnreachableRegistryIsReportedWithItsUrl() throws IOException {
        String url = "http://127.0.0.1:" + closedPort();
        try (RestSchemaRegistryClient client = RestSchemaRegistryClient.fromConfig(
                Map.of("schema.registry.url", url, "max.retries", "1", "retries.wait.ms", "1"))) {
            assertThatThrownBy(() -> client.getById(1))
                    .isInstanceOfSatisfying(
                            SchemaRegistryException.class,
                            e -> assertThat(e.httpStatus()).isZero())
                    .hasMessageContaining("cannot reach " + url)
                    .hasMessageContaining("schema.registry.url=" + url);
        }
    }

    @Test
    void sendsBasicAuthFromUserInfo() {
        stub.answer("GET", "/config", 200, "{\"compatibilityLevel\": \"FULL\"}");
        try (RestSchemaRegistryClient client = client(
                Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "alice:s3cret:x"))) {
            client.getCompatibility(null);
        }
        assertThat(stub.requests().get(0).header("Authorization")).isEqualTo(basic("alice:s3cret:x"));
    }

    @Test
    void sendsBasicAuthFromTheUrl() {
        stub.answer("GET", "/config", 200, "{\"compatibilityLevel\": \"FULL\"}");
        String url = stub.url().replace("http://", "http://bob:p%40ss@");
        try (RestSchemaRegistryClient client = RestSchemaRegistryClient.fromConfig(
                Map.of("schema.registry.url", url, "basic.auth.credentials.source", "URL"))) {
            client.getCompatibility(null);
            assertThat(client.toString()).doesNotContain("bob");
        }
        assertThat(stub.requests().get(0).header("Authorization")).isEqualTo(basic("bob:p@ss"));
    }

    @Test
    void subjectsAreEncodedAsOnePathSegment() {
        stub.answer(
                "GET",
                "/subjects/a%2Fb%20c-value/versions/latest",
                200,
                "{\"subject\": \"a/b c-value\", \"id\": 1, \"version\": 1, \"schema\": \"\\\"string\\\"\"}");
        try (RestSchemaRegistryClient client = client()) {
            assertThat(client.getLatest("a/b c-value").id()).isEqualTo(1);
        }
    }

    @Test
    void aMissingUrlTellsTheUserWhatToSet() {
        assertThatThrownBy(() -> RestSchemaRegistryClient.fromConfig(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url")
                .hasMessageContaining("http://localhost:8081");
        assertThatThrownBy(() -> RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", "localhost:8081")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http://");
        assertThatThrownBy(() -> RestSchemaRegistryClient.fromConfig(
                        Map.of("schema.registry.url", "http://h:1", "basic.auth.credentials.source", "USER_INFO")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.user.info");
    }

    @Test
    void valuesAreTypedAsKafkaClientsTypeThem() {
        stub.answer("GET", "/config", 200, "{\"compatibilityLevel\": \"FULL\"}");
        try (RestSchemaRegistryClient client = RestSchemaRegistryClient.fromConfig(Map.of(
                "schema.registry.url",
                List.of(stub.url()),
                "max.retries",
                0,
                "basic.auth.user.info",
                new Password("alice:s3cret")))) {
            client.getCompatibility(null);
        }
        assertThat(stub.requests().get(0).header("Authorization")).isEqualTo(basic("alice:s3cret"));
        assertThatThrownBy(() -> client(Map.of("srclient.http.read.timeout.ms", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("srclient.http.read.timeout.ms");
        assertThatThrownBy(() -> client(Map.of("max.retries", "many")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("max.retries");
    }

    @Test
    void anUnreadableTruststoreIsAConfigError() {
        assertThatThrownBy(() -> RestSchemaRegistryClient.fromConfig(Map.of(
                        "schema.registry.url",
                        "https://h:1",
                        "schema.registry.ssl.truststore.location",
                        "/nonexistent/truststore.jks")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("/nonexistent/truststore.jks")
                .hasMessageContaining("schema.registry.ssl.truststore.password");
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
