package dev.sanctions.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sanctions.avro.DesignationChange;
import dev.sanctions.kafka.security.ClientCredentials;
import dev.sanctions.registry.client.RestSchemaRegistryClient;
import dev.sanctions.registry.client.SchemaRegistryException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secured stack of {@code sanctions dev --secure}: who is let in, and what the registry lets a reader do. */
class SecuredStackIT {

    private static final ClientCredentials ADMIN = ClientCredentials.generate(BrokerSecurity.ADMIN);
    private static final ClientCredentials WRITER = ClientCredentials.generate("processor");
    private static final ClientCredentials READER = ClientCredentials.generate("reader");

    @TempDir
    static Path dataDir;

    private static EmbeddedStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = EmbeddedStack.start(dataDir, 0, 0, new BrokerSecurity(ADMIN, List.of(WRITER)));
        // A user made later, as 'sanctions access' makes them: the registry knows it from the broker.
        try (Admin admin = Admin.create(kafka(ADMIN))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                            READER.user(),
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096),
                            READER.password())))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theAdminLogsInAndActsOnTheCluster() throws Exception {
        try (Admin admin = Admin.create(kafka(ADMIN))) {
            admin.createTopics(List.of(new NewTopic("secured.admin-made", 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("secured.admin-made");
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> config = kafka(new ClientCredentials(ADMIN.user(), "not-" + ADMIN.password()));
        try (Admin admin = Admin.create(config)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void plainLogsInWithTheSameCredentialsAndOnlyWithThem() throws Exception {
        try (Admin admin = Admin.create(plain(READER.user(), READER.password()))) {
            assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
                    .isNotBlank();
        }
        try (Admin admin = Admin.create(plain(READER.user(), "x" + READER.password()))) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
        try (Admin admin = Admin.create(plain("nobody", READER.password()))) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aConnectionWithoutLoginGetsNothing() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", stack.bootstrapServers());
        config.put("default.api.timeout.ms", 3000);
        config.put("request.timeout.ms", 1500);
        try (Admin admin = Admin.create(config)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
        }
    }

    @Test
    void aUserWithoutAclsSeesNoTopicAndCannotCreateOne() throws Exception {
        try (Admin admin = Admin.create(kafka(READER))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).isEmpty();
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("secured.reader-made", 1, (short) 1)))
                            .all()
                            .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theRegistryAsksForCredentials() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/subjects"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        HttpResponse<String> wrong = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/subjects"))
                                .header("Authorization", basic(READER.user(), "wrong"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void aReaderLooksSchemasUpButCannotChangeTheRegistry() {
        String subject = "secured.reader-test-value";
        try (RestSchemaRegistryClient writer = registry(WRITER);
                RestSchemaRegistryClient reader = registry(READER)) {
            int id = writer.register(subject, DesignationChange.getClassSchema());

            assertThat(reader.getById(id)).isEqualTo(DesignationChange.getClassSchema());
            // A serializer's register of a schema already there is a lookup: a reader gets the id.
            assertThat(reader.register(subject, DesignationChange.getClassSchema()))
                    .isEqualTo(id);
            assertThatThrownBy(() -> reader.register("secured.other-value", DesignationChange.getClassSchema()))
                    .isInstanceOfSatisfying(
                            SchemaRegistryException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(403));
            assertThatThrownBy(() -> reader.setCompatibility(subject, "NONE"))
                    .isInstanceOfSatisfying(
                            SchemaRegistryException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(403));
        }
    }

    @Test
    void aSecuredDirectoryDoesNotStartOpen() {
        assertThatThrownBy(() -> EmbeddedStack.start(dataDir, 0, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("--secure");
    }

    private static Map<String, Object> kafka(ClientCredentials user) {
        Map<String, Object> config = new HashMap<>(user.clientProperties(BrokerSecurity.SECURITY_PROTOCOL));
        config.keySet().removeIf(key -> key.startsWith("basic.auth."));
        config.put("bootstrap.servers", stack.bootstrapServers());
        config.put("default.api.timeout.ms", 10000);
        config.put("request.timeout.ms", 5000);
        return config;
    }

    private static Map<String, Object> plain(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", stack.bootstrapServers());
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "PLAIN");
        config.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\""
                        + password + "\";");
        config.put("default.api.timeout.ms", 10000);
        config.put("request.timeout.ms", 5000);
        return config;
    }

    private static RestSchemaRegistryClient registry(ClientCredentials user) {
        Map<String, Object> config = new HashMap<>(user.clientProperties(BrokerSecurity.SECURITY_PROTOCOL));
        config.put("schema.registry.url", stack.schemaRegistryUrl());
        config.put("max.retries", "0");
        return RestSchemaRegistryClient.fromConfig(config);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
