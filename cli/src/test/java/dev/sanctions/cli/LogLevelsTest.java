package dev.sanctions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogLevelsTest {

    private final Logger kafka = (Logger) LoggerFactory.getLogger("org.apache.kafka");
    private final Level before = kafka.getLevel();

    @AfterEach
    void restore() {
        kafka.setLevel(before);
    }

    @Test
    void debugOpensKafkasOwnLogToInfo() {
        kafka.setLevel(Level.WARN);

        LogLevels.apply("debug");

        assertThat(kafka.getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void theUsualLevelsLeaveKafkaAtWarn() {
        for (String level : new String[] {"INFO", "WARN", "ERROR", "nonsense", ""}) {
            kafka.setLevel(Level.WARN);

            LogLevels.apply(level);

            assertThat(kafka.getLevel()).as(level).isEqualTo(Level.WARN);
        }
    }
}
