package dev.sanctions.launcher;

import dev.sanctions.embedded.BrokerSecurity;
import dev.sanctions.embedded.TlsFiles;
import dev.sanctions.kafka.security.ClientCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The logins of {@code dev --secure}: the admin (the super user) and the processor, made once per data directory and
 * kept there in client properties files readable by their owner only. The admin's file is what the READY line
 * names: usable as is with {@code --command-config}.
 */
record DevCredentials(
        Path adminFile, ClientCredentials admin, Path processorFile, ClientCredentials processor, TlsFiles tls) {

    static final String PROCESSOR = "processor";

    /**
     * Reads the logins of {@code dataDir}, or makes them when the directory has none yet.
     *
     * @param tls whether the broker speaks TLS too; its CA and certificate are made in {@code DIR/tls} once
     */
    static DevCredentials loadOrCreate(Path dataDir, boolean tls) {
        Path adminFile = dataDir.resolve("admin.properties").toAbsolutePath();
        Path processorFile = dataDir.resolve("processor.properties").toAbsolutePath();
        boolean made = Files.exists(adminFile) && Files.exists(processorFile);
        if (!made && Files.exists(dataDir.resolve("cluster").resolve("secured"))) {
            throw new IllegalStateException(dataDir.toAbsolutePath() + " holds a secured cluster but its logins"
                    + " (admin.properties, processor.properties) are gone: without them nobody can log in. Use a new"
                    + " --data-dir");
        }
        ClientCredentials admin = made ? read(adminFile) : ClientCredentials.generate(BrokerSecurity.ADMIN);
        ClientCredentials processor = made ? read(processorFile) : ClientCredentials.generate(PROCESSOR);
        return new DevCredentials(
                adminFile, admin, processorFile, processor, tls ? TlsFiles.loadOrCreate(dataDir.resolve("tls")) : null);
    }

    BrokerSecurity brokerSecurity() {
        return new BrokerSecurity(admin, List.of(processor), tls);
    }

    Map<String, String> adminProperties() {
        return brokerSecurity().clientProperties(admin);
    }

    Map<String, String> processorProperties() {
        return brokerSecurity().clientProperties(processor);
    }

    /** (Re)writes both files with the endpoints of this run; the logins stay the same. */
    void write(String bootstrapServers, String registryUrl) {
        write(adminFile, admin, "the admin (super user)", bootstrapServers, registryUrl);
        write(processorFile, processor, "the processor", bootstrapServers, registryUrl);
    }

    private void write(Path file, ClientCredentials user, String who, String bootstrapServers, String registryUrl) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("schema.registry.url", registryUrl);
        properties.putAll(brokerSecurity().clientProperties(user));
        ClientCredentials.writePrivateFile(
                file,
                properties,
                "Login of " + who + " of 'sanctions dev --secure': keep secret.",
                "Use with: sanctions <command> --command-config " + file);
    }

    private static ClientCredentials read(Path file) {
        return ClientCredentials.of(ClientCredentials.readFile(file))
                .orElseThrow(() -> new IllegalStateException(
                        file + " holds no sasl.jaas.config login: restore it, or use a new --data-dir"));
    }
}
