package dev.sanctions.registry.client;

/**
 * Configuration keys of {@link RestSchemaRegistryClient}. The names are Confluent's, so an existing
 * serde configuration (including {@code --command-config} files) works unchanged.
 */
public final class RegistryClientConfig {

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

    private RegistryClientConfig() {
    }
}
