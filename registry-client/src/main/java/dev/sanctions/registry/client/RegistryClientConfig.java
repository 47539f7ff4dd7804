package dev.sanctions.registry.client;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Configuration of {@link RestSchemaRegistryClient}: its keys, their types and defaults, parsed by Kafka's
 * {@link ConfigDef} like any client's properties. The names are Confluent's, so an existing serde configuration
 * (including {@code --command-config} files) works unchanged.
 */
public final class RegistryClientConfig extends AbstractConfig {

    /** Comma-separated registry base URLs; the client fails over to the next one when a URL is unreachable. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** {@code URL} (user info in the URL, Confluent's default) or {@code USER_INFO} ({@link #BASIC_AUTH_USER_INFO}). */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password} for HTTP Basic authentication. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Confluent's older name of {@link #BASIC_AUTH_USER_INFO}. */
    public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";

    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    /** {@code JKS} (default) or {@code PKCS12}. */
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    /** How long one HTTP request may take, in milliseconds (default 30000). */
    public static final String REQUEST_TIMEOUT_MS = "srclient.http.read.timeout.ms";
    /** How long connecting may take, in milliseconds (default 10000). */
    public static final String CONNECT_TIMEOUT_MS = "srclient.http.connect.timeout.ms";
    /** Retries after a connection failure or a 5xx answer (default 4, so 5 tries); 4xx answers are never retried. */
    public static final String MAX_RETRIES = "max.retries";
    /** The first wait between tries, in milliseconds (default 100); it doubles on each retry. */
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    /** The longest wait between tries, in milliseconds (default 2000). */
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";

    private static final Range POSITIVE_MILLIS = Range.between(1, Integer.MAX_VALUE);
    private static final Range MILLIS = Range.between(0, Integer.MAX_VALUE);

    // Null defaults: a missing URL is reported by ClientSettings, with an example, rather than by ConfigDef; the
    // credentials source's default depends on whether user info is given.
    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(
                    SCHEMA_REGISTRY_URL,
                    Type.LIST,
                    null,
                    Importance.HIGH,
                    "Comma-separated schema registry base URLs, tried in order")
            .define(
                    BASIC_AUTH_CREDENTIALS_SOURCE,
                    Type.STRING,
                    null,
                    Importance.MEDIUM,
                    "URL or USER_INFO; USER_INFO when only the user info is given, else URL")
            .define(
                    BASIC_AUTH_USER_INFO,
                    Type.PASSWORD,
                    null,
                    Importance.MEDIUM,
                    "user:password for HTTP Basic authentication")
            .define(
                    SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO,
                    Type.PASSWORD,
                    null,
                    Importance.LOW,
                    "Older name of " + BASIC_AUTH_USER_INFO)
            .define(
                    SSL_TRUSTSTORE_LOCATION,
                    Type.STRING,
                    null,
                    Importance.MEDIUM,
                    "Truststore for https:// registry URLs; none: the JVM's")
            .define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Password of the truststore")
            .define(SSL_TRUSTSTORE_TYPE, Type.STRING, "JKS", Importance.LOW, "JKS or PKCS12")
            .define(
                    REQUEST_TIMEOUT_MS,
                    Type.LONG,
                    30_000L,
                    POSITIVE_MILLIS,
                    Importance.LOW,
                    "How long one HTTP request may take")
            .define(
                    CONNECT_TIMEOUT_MS,
                    Type.LONG,
                    10_000L,
                    POSITIVE_MILLIS,
                    Importance.LOW,
                    "How long connecting may take")
            .define(
                    MAX_RETRIES,
                    Type.INT,
                    4,
                    Range.atLeast(0),
                    Importance.LOW,
                    "Retries after a connection failure or a 5xx answer")
            .define(
                    RETRIES_WAIT_MS,
                    Type.LONG,
                    100L,
                    MILLIS,
                    Importance.LOW,
                    "The first wait between tries; it doubles on each retry")
            .define(RETRIES_MAX_WAIT_MS, Type.LONG, 2_000L, MILLIS, Importance.LOW, "The longest wait between tries");

    /** Parses {@code originals}; other keys (the Kafka client's, in a serde's configuration) are ignored. */
    RegistryClientConfig(Map<String, ?> originals) {
        super(DEFINITION, originals, false);
    }
}
