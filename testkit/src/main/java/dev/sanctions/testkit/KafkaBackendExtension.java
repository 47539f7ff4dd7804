package dev.sanctions.testkit;

import java.util.Locale;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests a {@link KafkaBackend}, chosen by the system property {@value #BACKEND_PROPERTY}:
 * {@code embedded} (the default, the in-process stack) or {@code testcontainers} (Docker; the test classes are skipped
 * when Docker is not available). One backend serves every test class of the JVM and is closed at its end.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();
 * ... KAFKA.bootstrapServers() ... KAFKA.schemaRegistryUrl()
 * }</pre>
 * or {@code @ExtendWith(KafkaBackendExtension.class)} and a {@code KafkaBackend} parameter.
 */
public final class KafkaBackendExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {
    public static final String BACKEND_PROPERTY = "sanctions.it.backend";
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaBackendExtension.class);
    private static final String DOCKER_AVAILABLE = "docker-available";

    private volatile KafkaBackend backend;

    /** Disables (rather than fails) the tests when they are to run on Docker and there is none, so reports show them skipped. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!"testcontainers".equals(chosenBackend())) {
            return ConditionEvaluationResult.enabled("backend: " + chosenBackend());
        }
        requireTestcontainers();
        boolean docker = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(DOCKER_AVAILABLE, key -> ContainersBackend.dockerAvailable(), Boolean.class);
        return docker
                ? ConditionEvaluationResult.enabled("Docker is available")
                : ConditionEvaluationResult.disabled(
                        "Docker is not available: skipping the tests on the testcontainers backend");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        backend = shared(context);
    }

    /** The backend of this JVM; available from {@code @BeforeAll} on when registered on a static field. */
    public KafkaBackend backend() {
        KafkaBackend current = backend;
        if (current == null) {
            throw new IllegalStateException("no Kafka backend yet: register KafkaBackendExtension on a static field"
                    + " with @RegisterExtension, or with @ExtendWith on the class");
        }
        return current;
    }

    public String bootstrapServers() {
        return backend().bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return backend().schemaRegistryUrl();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaBackend.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return shared(extensionContext);
    }

    private static KafkaBackend shared(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return switch (chosenBackend()) {
            case "embedded" ->
                store.getOrComputeIfAbsent(KafkaBackend.class, type -> EmbeddedBackend.start(), KafkaBackend.class);
            case "testcontainers" ->
                store.getOrComputeIfAbsent(KafkaBackend.class, type -> ContainersBackend.start(), KafkaBackend.class);
            default ->
                throw new ExtensionConfigurationException(
                        BACKEND_PROPERTY + " must be 'embedded' or 'testcontainers', got '"
                                + System.getProperty(BACKEND_PROPERTY) + "'");
        };
    }

    private static String chosenBackend() {
        String value = System.getProperty(BACKEND_PROPERTY, "");
        return value.isBlank() ? "embedded" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static void requireTestcontainers() {
        try {
            Class.forName(
                    "org.testcontainers.kafka.KafkaContainer", false, KafkaBackendExtension.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ExtensionConfigurationException(
                    BACKEND_PROPERTY + "=testcontainers needs"
                            + " org.testcontainers:testcontainers-kafka on the test classpath: add it at test scope",
                    e);
        }
    }
}
