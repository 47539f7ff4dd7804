package dev.sanctions.cli;

import dev.sanctions.registry.client.KafkaVersion;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = SanctionsCli.class.getPackage().getImplementationVersion();
        return new String[] {
            "sanctions " + (version == null ? "(development build)" : version),
            "Kafka clients " + KafkaVersion.ofClients(),
            "Java " + System.getProperty("java.version")
        };
    }
}
