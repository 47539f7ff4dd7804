package dev.sanctions.registry.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The version of the Kafka clients on the classpath, read from their jar (the class that parses it is internal).
 * It lives here because every module that talks to Kafka reaches the Kafka clients through this one: the command
 * line's {@code --version}, the benchmark's report and the test kit's Docker backend all read it.
 */
public final class KafkaVersion {

    private KafkaVersion() {}

    public static String ofClients() {
        try (InputStream in = KafkaProducer.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("the Kafka clients jar has no kafka/kafka-version.properties");
            }
            Properties version = new Properties();
            version.load(in);
            return version.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Kafka clients' version", e);
        }
    }
}
