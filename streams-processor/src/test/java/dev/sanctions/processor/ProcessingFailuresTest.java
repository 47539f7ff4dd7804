package dev.sanctions.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.registry.client.SchemaRegistryException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.EOFException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outages are retried a bounded number of times in a row and make /health say FAILING; the rest stops at once. */
class ProcessingFailuresTest {

    private static final Exception OUTAGE = new StreamsException(new SerializationException(
            "Cannot fetch schema id 1",
            new SchemaRegistryException(0, 0, "cannot reach", new ConnectException("Connection refused"))));

    private static final Duration QUIET_PERIOD = Duration.ofMinutes(2);

    private final MovableClock clock = new MovableClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProcessorMeters meters = new ProcessorMeters(registry);
    private final ProcessingFailures failures = new ProcessingFailures("the registry", 3, QUIET_PERIOD, meters, clock);

    @BeforeEach
    void watch() {
        meters.watchFailing(failures::failingRepeatedly);
    }

    @Test
    void anOutageIsRetriedUntilTheThirdFailureInARowThenTheProcessorStops() {
        assertThat(failures.handle(OUTAGE)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(failures.failingRepeatedly()).isFalse();
        clock.advance(Duration.ofSeconds(5));
        assertThat(failures.handle(OUTAGE)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(failures.failingRepeatedly()).isTrue();
        assertThat(registry.get("sanctions.processing.failing").gauge().value()).isEqualTo(1.0);
        clock.advance(Duration.ofSeconds(5));
        assertThat(failures.handle(OUTAGE)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(failureCount("outage")).isEqualTo(3);
    }

    @Test
    void aQuietPeriodEndsTheFailingStateAndStartsTheCountAgain() {
        failures.handle(OUTAGE);
        failures.handle(OUTAGE);
        assertThat(failures.failingRepeatedly()).isTrue();

        clock.advance(QUIET_PERIOD);
        assertThat(failures.failingRepeatedly()).isFalse();
        assertThat(failures.handle(OUTAGE)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(failures.handle(OUTAGE)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void anythingButAnOutageStopsTheProcessorAtOnceEvenAnEofException() {
        Exception truncated =
                new StreamsException(new SerializationException("Cannot decode the Avro body", new EOFException()));

        assertThat(failures.handle(truncated)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(failureCount("other")).isEqualTo(1);
        assertThat(failureCount("outage")).isZero();
    }

    @Test
    void failuresCountAsInARowForTheSessionTimeoutAndAMinute() {
        ProcessorSettings defaults = ProcessorSettings.builder("localhost:9092", "http://localhost:8081")
                .build();
        ProcessorSettings shortSessions = defaults.toBuilder()
                .clientProperties(Map.of("session.timeout.ms", "6000"))
                .build();

        assertThat(SanctionsProcessor.outageQuietPeriod(defaults)).isEqualTo(Duration.ofSeconds(105));
        assertThat(SanctionsProcessor.outageQuietPeriod(shortSessions)).isEqualTo(Duration.ofSeconds(66));
    }

    private double failureCount(String kind) {
        return registry.get("sanctions.processing.failures")
                .tag("kind", kind)
                .counter()
                .count();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
