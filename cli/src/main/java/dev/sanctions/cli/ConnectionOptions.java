package dev.sanctions.cli;

import dev.sanctions.kafka.security.ClientCredentials;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options every command accepts (docs/commands.md), with their environment-variable defaults. */
public final class ConnectionOptions {

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            defaultValue = "${env:SANCTIONS_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka brokers (env SANCTIONS_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(
            names = "--schema-registry-url",
            paramLabel = "URL",
            defaultValue = "${env:SANCTIONS_SCHEMA_REGISTRY_URL:-http://localhost:8081}",
            description = "Schema registry (env SANCTIONS_SCHEMA_REGISTRY_URL; default: ${DEFAULT-VALUE}).")
    String schemaRegistryUrl;

    @Option(
            names = "--command-config",
            paramLabel = "FILE",
            description =
                    "Extra Kafka client properties (e.g. SASL, TLS). Its keys schema.registry.* and basic.auth.* go to the"
                            + " registry client.")
    Path commandConfig;

    @Option(
            names = "--topic-prefix",
            paramLabel = "PREFIX",
            defaultValue = "${env:SANCTIONS_TOPIC_PREFIX:-}",
            description = "Prefix of every topic name, such as test. (env SANCTIONS_TOPIC_PREFIX; default: none).")
    String topicPrefix;

    @Option(names = "--verbose", description = "Show stack traces of failures.")
    boolean verbose;

    /**
     * Marks a command that accepts the common connection options, as every command does, without using them: its
     * help does not list them. {@code state} talks to the processor's HTTP API only; dev, demo and bench run their
     * own cluster.
     */
    public interface NotUsed {}

    private static final List<String> CONNECTION =
            List.of("--bootstrap-servers", "--schema-registry-url", "--command-config", "--topic-prefix");

    /** Hides the connection options from the help of every command under {@code root} marked {@link NotUsed}. */
    static void hideWhereNotUsed(CommandLine root) {
        for (CommandLine command : root.getSubcommands().values()) {
            if (command.getCommand() instanceof NotUsed) {
                CommandLine.Model.CommandSpec spec = command.getCommandSpec();
                for (String name : CONNECTION) {
                    CommandLine.Model.OptionSpec option = spec.findOption(name);
                    if (option != null && !option.hidden()) {
                        spec.remove(option);
                        spec.addOption(option.toBuilder().hidden(true).build());
                    }
                }
            }
            hideWhereNotUsed(command);
        }
    }

    /**
     * For the commands that run their own embedded cluster (dev, demo, bench): they accept the common options,
     * as every command does, but tell the user that the ones given are not used.
     */
    public static void noteUnused(CommandLine commandLine, String why) {
        for (String option : CONNECTION) {
            if (commandLine.getParseResult().hasMatchedOption(option)) {
                commandLine
                        .getErr()
                        .println("sanctions " + commandLine.getCommandName() + ": " + option + " is not used: " + why);
            }
        }
    }

    /** The properties of {@code --command-config} as strings, for the APIs that take them so. */
    Map<String, String> extraStringProperties() {
        Map<String, String> properties = new TreeMap<>();
        extraProperties().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        return properties;
    }

    /** The properties of {@code --command-config}, sorted; empty when none was given. */
    Map<String, Object> extraProperties() {
        Map<String, Object> properties = new TreeMap<>();
        if (commandConfig == null) {
            return properties;
        }
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(commandConfig)) {
            loaded.load(reader);
        } catch (NoSuchFileException e) {
            throw new UserInputException("--command-config: file " + commandConfig + " does not exist");
        } catch (IOException e) {
            throw new UserInputException("--command-config: cannot read " + commandConfig + ": " + e.getMessage());
        }
        loaded.stringPropertyNames().forEach(name -> properties.put(name, loaded.getProperty(name)));
        return properties;
    }

    /** Kafka client properties: the extra ones plus bootstrap.servers (the flag wins). */
    public Map<String, Object> kafkaProperties() {
        Map<String, Object> properties = new TreeMap<>(extraProperties());
        properties.keySet().removeIf(ConnectionOptions::isRegistryKey);
        properties.put("bootstrap.servers", bootstrapServers);
        return properties;
    }

    /** Schema registry client settings: the registry keys of --command-config plus the URL. */
    Map<String, Object> registryProperties() {
        Map<String, Object> properties = new TreeMap<>(extraProperties());
        properties.keySet().removeIf(key -> !isRegistryKey(key));
        properties.put("schema.registry.url", schemaRegistryUrl);
        return properties;
    }

    public String topicPrefix() {
        return topicPrefix == null ? "" : topicPrefix;
    }

    /** The bootstrap servers of {@code --bootstrap-servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The registry URL of {@code --schema-registry-url}. */
    public String schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    /** The SCRAM user {@code --command-config} logs in as, if any: a publisher's default publisher id. */
    Optional<String> saslUser() {
        return ClientCredentials.of(extraProperties()).map(ClientCredentials::user);
    }

    /**
     * The HTTP Basic {@code Authorization} header of {@code basic.auth.user.info} in {@code --command-config}, for the
     * processor's HTTP API (the same credentials as the registry's).
     */
    Optional<String> httpAuthorization() {
        Object userInfo = extraProperties().get("basic.auth.user.info");
        if (userInfo == null || userInfo.toString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of("Basic "
                + Base64.getEncoder().encodeToString(userInfo.toString().strip().getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean isRegistryKey(String key) {
        return key.startsWith("schema.registry.") || key.startsWith("basic.auth.");
    }
}
