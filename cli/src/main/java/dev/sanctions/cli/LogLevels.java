package dev.sanctions.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * {@code SANCTIONS_LOG_LEVEL} sets the level of the application's own log (logback.xml). Asking for {@code DEBUG}
 * or {@code TRACE} is asking why a command misbehaves, and the answer is mostly in what the Kafka clients do
 * (connections, group joins, the configuration they use): at those levels Kafka's own log opens from WARN to INFO
 * as well, so "more" is really more.
 */
final class LogLevels {

    static final String VARIABLE = "SANCTIONS_LOG_LEVEL";
    private static final List<String> KAFKA_LOGGERS =
            List.of("org.apache.kafka", "org.apache.kafka.clients.NetworkClient", "kafka", "state.change.logger");

    private LogLevels() {}

    static void apply(String requested) {
        if (requested == null || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
            return;
        }
        Level level = Level.toLevel(requested.strip().toUpperCase(Locale.ROOT), null);
        if (level != null && level.toInt() < Level.INFO_INT) {
            KAFKA_LOGGERS.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO));
        }
    }
}
