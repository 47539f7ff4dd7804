package dev.sanctions.registry.client;

import static dev.sanctions.registry.client.RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE;
import static dev.sanctions.registry.client.RegistryClientConfig.BASIC_AUTH_USER_INFO;
import static dev.sanctions.registry.client.RegistryClientConfig.CONNECT_TIMEOUT_MS;
import static dev.sanctions.registry.client.RegistryClientConfig.MAX_RETRIES;
import static dev.sanctions.registry.client.RegistryClientConfig.REQUEST_TIMEOUT_MS;
import static dev.sanctions.registry.client.RegistryClientConfig.RETRIES_MAX_WAIT_MS;
import static dev.sanctions.registry.client.RegistryClientConfig.RETRIES_WAIT_MS;
import static dev.sanctions.registry.client.RegistryClientConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO;
import static dev.sanctions.registry.client.RegistryClientConfig.SCHEMA_REGISTRY_URL;
import static dev.sanctions.registry.client.RegistryClientConfig.SSL_TRUSTSTORE_LOCATION;
import static dev.sanctions.registry.client.RegistryClientConfig.SSL_TRUSTSTORE_PASSWORD;
import static dev.sanctions.registry.client.RegistryClientConfig.SSL_TRUSTSTORE_TYPE;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/**
 * The client's configuration as the HTTP calls use it, from what {@link RegistryClientConfig} parsed, checked up
 * front.
 */
record ClientSettings(
        List<URI> baseUrls,
        Optional<String> authorization,
        Optional<SSLContext> sslContext,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxRetries,
        Duration retryWait,
        Duration retryMaxWait) {

    ClientSettings {
        baseUrls = List.copyOf(baseUrls);
    }

    static ClientSettings from(Map<String, ?> configs) {
        RegistryClientConfig config = new RegistryClientConfig(configs);
        List<String> urlList = config.getList(SCHEMA_REGISTRY_URL);
        if (urlList == null) {
            throw new ConfigException("Missing " + SCHEMA_REGISTRY_URL + ": set it to the schema registry's base URL, "
                    + "e.g. " + SCHEMA_REGISTRY_URL + "=http://localhost:8081");
        }
        List<URI> withUserInfo = parseUrls(urlList);
        List<URI> urls =
                withUserInfo.stream().map(ClientSettings::withoutUserInfo).toList();
        return new ClientSettings(
                urls,
                authorization(config, withUserInfo),
                sslContext(config),
                Duration.ofMillis(config.getLong(CONNECT_TIMEOUT_MS)),
                Duration.ofMillis(config.getLong(REQUEST_TIMEOUT_MS)),
                config.getInt(MAX_RETRIES),
                Duration.ofMillis(config.getLong(RETRIES_WAIT_MS)),
                Duration.ofMillis(config.getLong(RETRIES_MAX_WAIT_MS)));
    }

    String describeUrls() {
        return baseUrls.stream().map(URI::toString).collect(Collectors.joining(","));
    }

    private static List<URI> parseUrls(List<String> urlList) {
        List<URI> urls = new ArrayList<>();
        for (String part : urlList) {
            String text = part.trim();
            if (text.isEmpty()) {
                continue;
            }
            URI uri;
            try {
                uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            } catch (URISyntaxException e) {
                throw new ConfigException(
                        SCHEMA_REGISTRY_URL,
                        text,
                        "not a URL (" + e.getMessage() + "); use e.g. http://localhost:8081");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new ConfigException(
                        SCHEMA_REGISTRY_URL,
                        text,
                        "expected an http:// or https:// URL with a host, e.g. http://localhost:8081");
            }
            urls.add(uri);
        }
        if (urls.isEmpty()) {
            throw new ConfigException(
                    SCHEMA_REGISTRY_URL,
                    String.join(",", urlList),
                    "no URL given; set it to the schema registry's base URL, e.g. http://localhost:8081");
        }
        return urls;
    }

    private static URI withoutUserInfo(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, uri.toString(), e.getMessage());
        }
    }

    private static Optional<String> authorization(RegistryClientConfig config, List<URI> urls) {
        Optional<String> userInfo =
                password(config, BASIC_AUTH_USER_INFO).or(() -> password(config, SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO));
        // Confluent defaults to URL; when only user info is given, using it is what the user meant.
        String source = string(config, BASIC_AUTH_CREDENTIALS_SOURCE)
                .orElse(userInfo.isPresent() ? "USER_INFO" : "URL")
                .toUpperCase(Locale.ROOT);
        Optional<String> credentials = switch (source) {
            case "USER_INFO" ->
                Optional.of(userInfo.orElseThrow(() -> new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE
                        + "=USER_INFO needs " + BASIC_AUTH_USER_INFO + "=user:password")));
            case "URL" ->
                urls.stream()
                        .map(URI::getRawUserInfo)
                        .filter(u -> u != null && !u.isEmpty())
                        .findFirst()
                        .map(ClientSettings::percentDecode);
            default ->
                throw new ConfigException(
                        BASIC_AUTH_CREDENTIALS_SOURCE, source, "supported sources are URL and USER_INFO");
        };
        credentials.ifPresent(c -> {
            if (!c.contains(":")) {
                throw new ConfigException(
                        "Basic auth user info must be user:password (from " + source + "), got a value without ':'");
            }
        });
        return credentials.map(c -> "Basic " + Base64.getEncoder().encodeToString(c.getBytes(StandardCharsets.UTF_8)));
    }

    private static String percentDecode(String raw) {
        return java.net.URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Optional<SSLContext> sslContext(RegistryClientConfig config) {
        Optional<String> location = string(config, SSL_TRUSTSTORE_LOCATION);
        if (location.isEmpty()) {
            return Optional.empty();
        }
        String type = config.getString(SSL_TRUSTSTORE_TYPE);
        char[] password = password(config, SSL_TRUSTSTORE_PASSWORD)
                .map(String::toCharArray)
                .orElse(null);
        try (InputStream in = Files.newInputStream(Path.of(location.get()))) {
            KeyStore trustStore = KeyStore.getInstance(type);
            trustStore.load(in, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return Optional.of(context);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("Cannot load the schema registry truststore " + location.get()
                    + " (type " + type + "): " + e.getMessage() + ". Check " + SSL_TRUSTSTORE_LOCATION + ", "
                    + SSL_TRUSTSTORE_PASSWORD + " and " + SSL_TRUSTSTORE_TYPE + ".");
        }
    }

    /** A string setting; blank counts as not set. */
    private static Optional<String> string(RegistryClientConfig config, String key) {
        return Optional.ofNullable(config.getString(key)).filter(text -> !text.isEmpty());
    }

    /** A password setting, trimmed; blank counts as not set. */
    private static Optional<String> password(RegistryClientConfig config, String key) {
        return Optional.ofNullable(config.getPassword(key))
                .map(p -> p.value().trim())
                .filter(text -> !text.isEmpty());
    }
}
