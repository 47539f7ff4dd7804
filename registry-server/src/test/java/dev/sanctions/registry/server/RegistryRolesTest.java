package dev.sanctions.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sanctions.http.BasicAccess;
import dev.sanctions.registry.client.RestSchemaRegistryClient;
import dev.sanctions.registry.client.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A registry that asks for logins: readers read and look up, only writers change anything. */
class RegistryRolesTest {

    private SchemaRegistryServer server;

    @BeforeEach
    void start() throws IOException {
        server = SchemaRegistryServer.start(
                "127.0.0.1",
                0,
                new InMemorySchemaStore(),
                new BasicAccess("registry", (user, password) -> password.equals("pw-" + user), Set.of("writer")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aReaderLooksUpButNeitherRegistersNorChangesCompatibility() {
        try (RestSchemaRegistryClient writer = client("writer");
                RestSchemaRegistryClient reader = client("reader")) {
            int id = writer.register("t-value", avro(Schemas.A));

            assertThat(reader.getById(id)).isEqualTo(avro(Schemas.A));
            assertThat(reader.getId("t-value", avro(Schemas.A))).isEqualTo(id);
            assertThat(reader.register("t-value", avro(Schemas.A))).isEqualTo(id);
            assertThatThrownBy(() -> reader.register("t-value", avro(Schemas.A_B_DEFAULTED)))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(403);
                        assertThat(e.errorCode()).isEqualTo(40301);
                    });
            assertThatThrownBy(() -> reader.setCompatibility("t-value", "NONE"))
                    .isInstanceOfSatisfying(
                            SchemaRegistryException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(403));
            assertThat(reader.getLatest("t-value").id()).isEqualTo(id);
            writer.setCompatibility("t-value", "NONE");
            assertThat(reader.getCompatibility("t-value")).isEqualTo("NONE");
        }
    }

    @Test
    void aWrongPasswordGetsNothing() {
        try (RestSchemaRegistryClient stranger = RestSchemaRegistryClient.fromConfig(Map.of(
                "schema.registry.url", server.url(), "basic.auth.user.info", "reader:guess", "max.retries", "0"))) {
            assertThatThrownBy(() -> stranger.getById(1))
                    .isInstanceOfSatisfying(
                            SchemaRegistryException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(401));
        }
    }

    private static Schema avro(String text) {
        return new Schema.Parser().parse(text);
    }

    private RestSchemaRegistryClient client(String user) {
        return RestSchemaRegistryClient.fromConfig(Map.of(
                "schema.registry.url", server.url(), "basic.auth.user.info", user + ":pw-" + user, "max.retries", "0"));
    }
}
