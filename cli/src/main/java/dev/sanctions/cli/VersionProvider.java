package dev.sanctions.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = SanctionsCli.class.getPackage().getImplementationVersion();
        return new String[] {
            "sanctions " + (version == null ? "(development build)" : version),
            "Kafka clients " + kafkaVersion(),
            "Java " + System.getProperty("java.version")
        };
    }

    /** The version file kafka-clients ships; read directly, as its parser class is internal. */
    static String kafkaVersion() {
        try (InputStream in = org.apache.kafka.clients.producer.KafkaProducer.class
                .getResourceAsStream("/kafka/kafka-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
