package dev.sanctions.kafka.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiPredicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a user name and password against the Kafka cluster's SCRAM credentials by logging in with them: the broker
 * is the only place credentials are kept, so the schema registry and the HTTP API accept exactly the principals
 * that {@code sanctions access} created, and stop accepting one as soon as it is removed (within
 * {@link #REMEMBER}). A successful check is remembered (as a hash of the password) so that only a principal's first
 * request, and one every {@link #REMEMBER}, costs a login.
 */
public final class BrokerLogins implements BiPredicate<String, String> {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerLogins.class);
    static final Duration REMEMBER = Duration.ofMinutes(1);
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> baseConfig;
    private final Map<String, Long> verifiedUntil = new ConcurrentHashMap<>();

    private BrokerLogins(Map<String, Object> baseConfig) {
        this.baseConfig = baseConfig;
    }

    /**
     * Logins against the cluster that {@code clientProperties} reach, when they use SASL; empty when the cluster
     * needs no login (then nothing is checked).
     */
    public static Optional<BrokerLogins> forCluster(String bootstrapServers, Map<String, ?> clientProperties) {
        Object protocol = clientProperties.get("security.protocol");
        if (protocol == null
                || !protocol.toString()
                        .trim()
                        .toUpperCase(java.util.Locale.ROOT)
                        .startsWith("SASL")) {
            return Optional.empty();
        }
        Map<String, Object> base = new HashMap<>();
        clientProperties.forEach((key, value) -> {
            // TLS settings carry over; the login itself is the checked user's, and nothing else is needed.
            if (key.startsWith("ssl.") || key.equals("security.protocol")) {
                base.put(key, value);
            }
        });
        base.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        base.put("sasl.mechanism", ClientCredentials.MECHANISM);
        base.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) LOGIN_TIMEOUT.toMillis());
        base.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) LOGIN_TIMEOUT.toMillis());
        base.put(AdminClientConfig.CLIENT_ID_CONFIG, "sanctions-login-check");
        return Optional.of(new BrokerLogins(base));
    }

    /** True when the broker accepts this user name and password. */
    @Override
    public boolean test(String user, String password) {
        ClientCredentials credentials;
        try {
            credentials = new ClientCredentials(user, password);
        } catch (IllegalArgumentException notAPrincipal) {
            return false;
        }
        String key = user + ":" + sha256(password);
        long now = System.nanoTime();
        Long until = verifiedUntil.get(key);
        if (until != null && until - now > 0) {
            return true;
        }
        boolean accepted = login(credentials);
        if (accepted) {
            verifiedUntil.put(key, now + REMEMBER.toNanos());
        } else {
            verifiedUntil.remove(key);
        }
        return accepted;
    }

    private boolean login(ClientCredentials credentials) {
        Map<String, Object> config = new HashMap<>(baseConfig);
        config.put("sasl.jaas.config", credentials.jaasConfig());
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().clusterId().get(LOGIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof SaslAuthenticationException)) {
                LOG.warn("Cannot check the login of '{}' with the broker: {}", credentials.user(), e.getCause());
            }
            return false;
        } catch (TimeoutException e) {
            LOG.warn("Cannot check the login of '{}': the broker did not answer in time", credentials.user());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
