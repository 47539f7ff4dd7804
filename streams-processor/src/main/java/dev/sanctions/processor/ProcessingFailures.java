package dev.sanctions.processor;

import dev.sanctions.processor.topology.Failures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a stream thread's failure does. An outage (broker or registry unreachable) replaces the
 * thread, which resumes from the last commit and so retries the same record, but only
 * {@code maxConsecutive} times in a row: then the processor stops (state ERROR) rather than spinning
 * silently. Failures in a row are those less than the quiet period apart. Any other failure stops the
 * processor at once: retrying cannot help it, and under exactly-once nothing after the last commit was
 * published. While failures repeat, {@link #failingRepeatedly()} is true, for {@code /health}.
 */
final class ProcessingFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessingFailures.class);
    private final String environment;
    private final int maxConsecutive;
    private final Duration quietPeriod;
    private final ProcessorMeters meters;
    private final Clock clock;
    private int consecutive;
    private Instant last = Instant.MIN;

    /**
     * @param environment the broker and registry addresses, for the log
     * @param quietPeriod a failure this long after the previous one starts a new count; longer than a
     *     replaced thread takes to get its tasks back, or failures would never be in a row
     */
    ProcessingFailures(
            String environment, int maxConsecutive, Duration quietPeriod, ProcessorMeters meters, Clock clock) {
        this.environment = environment;
        this.maxConsecutive = maxConsecutive;
        this.quietPeriod = quietPeriod;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable failure) {
        if (!Failures.isOutage(failure)) {
            meters.failure("other");
            LOG.error(
                    "Processing stopped on an error that retrying cannot fix: {}. Nothing after the last commit was"
                            + " published (exactly-once). Fix the cause and restart the processor; it resumes where"
                            + " it stopped.",
                    cause(failure),
                    failure);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        meters.failure("outage");
        int count = countOutage();
        if (count >= maxConsecutive) {
            LOG.error(
                    "Processing stopped after {} failures in a row because {} did not answer; the last: {}."
                            + " Nothing after the last commit was published (exactly-once). Make them reachable"
                            + " and restart the processor; it resumes where it stopped.",
                    count,
                    environment,
                    cause(failure),
                    failure);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        LOG.warn(
                "A processing thread failed because {} did not answer: {}. Replacing the thread: it resumes from"
                        + " the last commit (failure {} in a row; the processor stops at {}).",
                environment,
                cause(failure),
                count,
                maxConsecutive);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** True from the second outage in a row until the quiet period passes without one. */
    synchronized boolean failingRepeatedly() {
        return consecutive >= 2 && clock.instant().isBefore(last.plus(quietPeriod));
    }

    private synchronized int countOutage() {
        Instant now = clock.instant();
        consecutive = now.isBefore(last.plus(quietPeriod)) ? consecutive + 1 : 1;
        last = now;
        return consecutive;
    }

    /** The innermost failure that says something: the root is often a bare {@code ConnectException}. */
    private static String cause(Throwable failure) {
        Throwable telling = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                telling = t;
            }
        }
        return telling.getClass().getSimpleName() + ": " + telling.getMessage();
    }
}
