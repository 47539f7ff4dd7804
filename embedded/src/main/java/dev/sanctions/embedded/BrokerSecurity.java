package dev.sanctions.embedded;

import dev.sanctions.kafka.security.ClientCredentials;
import java.util.List;

/**
 * How a secured embedded broker asks who its clients are: SASL/SCRAM-SHA-512 on the client listener, Kafka's
 * {@code StandardAuthorizer} with {@code admin} as the super user, and these SCRAM users in the cluster from its
 * very first start (written into the storage when it is formatted, KIP-900). See docs/access-control.md.
 *
 * @param admin the super user; the broker logs in to itself (inter-broker traffic) as it
 * @param others the service users that exist from the start, e.g. the processor; besides the admin, they alone
 *     may register schemas and set compatibility levels in the embedded registry
 */
public record BrokerSecurity(ClientCredentials admin, List<ClientCredentials> others, TlsFiles tls) {

    public static final String ADMIN = "admin";
    static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";
    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    public static final String TLS_SECURITY_PROTOCOL = "SASL_SSL";

    /** @param tls null for SASL without TLS (the listener is on 127.0.0.1 only) */
    public BrokerSecurity {
        if (!admin.user().equals(ADMIN)) {
            throw new IllegalArgumentException("the super user is '" + ADMIN + "', got '" + admin.user() + "'");
        }
        others = List.copyOf(others);
    }

    /** SASL without TLS. */
    public BrokerSecurity(ClientCredentials admin, List<ClientCredentials> others) {
        this(admin, others, null);
    }

    /** {@code SASL_SSL} with TLS, else {@code SASL_PLAINTEXT}: the client listener's protocol and its name. */
    public String securityProtocol() {
        return tls == null ? SECURITY_PROTOCOL : TLS_SECURITY_PROTOCOL;
    }

    /** A login's client properties on this broker: SASL, and the truststore with TLS. */
    public java.util.Map<String, String> clientProperties(ClientCredentials user) {
        java.util.Map<String, String> properties =
                new java.util.LinkedHashMap<>(user.clientProperties(securityProtocol()));
        if (tls != null) {
            properties.putAll(tls.clientProperties());
        }
        return properties;
    }

    /** The users that may change the embedded registry. */
    java.util.Set<String> registryWriters() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(admin), others.stream())
                .map(ClientCredentials::user)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The admin's client properties. */
    public java.util.Map<String, String> adminProperties() {
        return clientProperties(admin);
    }

    /** Every bootstrapped user, in the form of the storage tool's {@code --add-scram} arguments. */
    List<String> scramArguments() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(admin), others.stream())
                .map(user ->
                        ClientCredentials.MECHANISM + "=[name=" + user.user() + ",password=" + user.password() + "]")
                .toList();
    }
}
