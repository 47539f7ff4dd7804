package dev.sanctions.kafka.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A principal's user name and password, and the client properties that log in as it: Kafka's SASL/SCRAM settings
 * plus {@code basic.auth.user.info} for the schema registry and the processor's HTTP API (docs/access-control.md).
 */
public record ClientCredentials(String user, String password) {

    /** The one SASL mechanism clients use on a secured cluster. */
    public static final String MECHANISM = "SCRAM-SHA-512";
    /** What a principal's name may hold: it also names its consumer groups and transactional ids. */
    public static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final Pattern JAAS_USER = Pattern.compile("username=\"([^\"]*)\"");
    private static final Pattern JAAS_PASSWORD = Pattern.compile("password=\"([^\"]*)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    public ClientCredentials {
        if (user == null || !USER_NAME.matcher(user).matches()) {
            throw new IllegalArgumentException(
                    "a user name is 1-64 characters of [A-Za-z0-9._-], starting with a letter"
                            + " or digit, e.g. bank-jp; got '" + user + "'");
        }
        // Both end up inside a quoted JAAS option and in user:password: neither may hold a quote, backslash or colon.
        if (password == null || password.isEmpty() || !password.matches("[^\"\\\\:\\s]+")) {
            throw new IllegalArgumentException(
                    "a password must be non-empty, without quotes, backslashes, colons or spaces");
        }
    }

    /** A new principal with a random 32-character password (192 bits). */
    public static ClientCredentials generate(String user) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return new ClientCredentials(
                user, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The JAAS line of Kafka's SCRAM login module for this principal. */
    public String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    /**
     * The Kafka client properties that log in as this principal (SASL/SCRAM over {@code securityProtocol}) and the
     * registry and HTTP API credentials.
     */
    public Map<String, String> clientProperties(String securityProtocol) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("security.protocol", securityProtocol);
        properties.put("sasl.mechanism", MECHANISM);
        properties.put("sasl.jaas.config", jaasConfig());
        properties.put("basic.auth.credentials.source", "USER_INFO");
        properties.put("basic.auth.user.info", user + ":" + password);
        return properties;
    }

    /** The SCRAM user of a client configuration ({@code sasl.jaas.config}), if it logs in with one. */
    public static Optional<ClientCredentials> of(Map<String, ?> clientProperties) {
        Object jaas = clientProperties.get("sasl.jaas.config");
        if (jaas == null) {
            return Optional.empty();
        }
        String text = jaas instanceof org.apache.kafka.common.config.types.Password p ? p.value() : jaas.toString();
        Matcher user = JAAS_USER.matcher(text);
        Matcher password = JAAS_PASSWORD.matcher(text);
        if (!user.find() || !password.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ClientCredentials(user.group(1), password.group(1)));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /**
     * Writes {@code properties} to {@code file} readable by its owner only (mode 600 where the file system has POSIX
     * permissions), replacing the file atomically: a reader never sees it half written or with wider permissions.
     *
     * @param header comment lines at the top, without their {@code #}
     */
    public static void writePrivateFile(Path file, Map<String, String> properties, String... header) {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            try {
                restrict(temp);
                try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    for (String line : header) {
                        writer.write("# " + line + "\n");
                    }
                    for (Map.Entry<String, String> entry : properties.entrySet()) {
                        writer.write(entry.getKey() + "=" + escape(entry.getValue()) + "\n");
                    }
                }
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("cannot write " + absolute + ": it exists and cannot be replaced", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + absolute + ": " + e.getMessage(), e);
        }
    }

    /** Reads a properties file as strings. */
    public static Map<String, String> readFile(Path file) {
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        loaded.stringPropertyNames().forEach(name -> properties.put(name, loaded.getProperty(name)));
        return properties;
    }

    private static void restrict(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** The properties-file escapes a value needs: backslash, and '=' ':' kept as they are (legal in values). */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
