package dev.sanctions.processor;

import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.RejectionReason;
import dev.sanctions.processor.topology.DeadLetterReason;
import dev.sanctions.processor.topology.PipelineCounters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The processor's own meters on {@code /metrics}, next to Kafka Streams' (Prometheus names):
 * {@code sanctions_announcements_total}, {@code sanctions_actions_total{outcome}},
 * {@code sanctions_dead_letters_total{reason}}, {@code sanctions_rejections_total{reason}},
 * {@code sanctions_processing_failures_total{kind="outage"|"other"}} (stream thread failures) and
 * {@code sanctions_processing_failing} (1 while failures repeat, as {@code /health} says). Every reason is
 * registered at start, so a series reads 0 rather than being absent until its first event.
 */
final class ProcessorMeters implements PipelineCounters {

    private final MeterRegistry registry;
    private final Map<DeadLetterReason, Counter> deadLetters = new EnumMap<>(DeadLetterReason.class);
    private final Map<RejectionReason, Counter> rejections = new EnumMap<>(RejectionReason.class);
    private final Map<String, Counter> failures;
    private final Counter announcements;
    private final Map<String, Counter> actions = new HashMap<>();

    ProcessorMeters(MeterRegistry registry) {
        this.registry = registry;
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLetters.put(
                    reason,
                    Counter.builder("sanctions.dead.letters")
                            .description("Records of the announcements topic sent to the dead-letter topic")
                            .tag("reason", reason.label())
                            .register(registry));
        }
        for (RejectionReason reason : RejectionReason.values()) {
            rejections.put(
                    reason,
                    Counter.builder("sanctions.rejections")
                            .description("Announcements and actions rejected (records on the rejected topic)")
                            .tag("reason", reason.name())
                            .register(registry));
        }
        failures = Map.of("outage", failureCounter("outage"), "other", failureCounter("other"));
        announcements = Counter.builder("sanctions.announcements")
                .description("Announcements read and finished, each with one receipt (a snapshot counts once)")
                .register(registry);
        for (String outcome : List.of("designated", "amended", "delisted", "unchanged", "rejected")) {
            actions.put(
                    outcome,
                    Counter.builder("sanctions.actions")
                            .description("Actions by outcome (a snapshot's derived delistings count as delisted;"
                                    + " a refused announcement as one rejected)")
                            .tag("outcome", outcome)
                            .register(registry));
        }
    }

    @Override
    public void receipt(AnnouncementReceipt receipt) {
        announcements.increment();
        actions.get("designated").increment(receipt.getDesignated());
        actions.get("amended").increment(receipt.getAmended());
        actions.get("delisted").increment(receipt.getDelisted());
        actions.get("unchanged").increment(receipt.getUnchanged());
        actions.get("rejected").increment(receipt.getRejected());
    }

    @Override
    public void deadLetter(DeadLetterReason reason) {
        deadLetters.get(reason).increment();
    }

    @Override
    public void rejection(RejectionReason reason) {
        rejections.get(reason).increment();
    }

    /** A stream thread failed; {@code kind} is {@code outage} or {@code other}. */
    void failure(String kind) {
        failures.get(kind).increment();
    }

    void watchFailing(BooleanSupplier failing) {
        Gauge.builder("sanctions.processing.failing", () -> failing.getAsBoolean() ? 1 : 0)
                .description("1 while stream threads fail repeatedly (/health answers 503 FAILING), else 0")
                .register(registry);
    }

    private Counter failureCounter(String kind) {
        return Counter.builder("sanctions.processing.failures")
                .description("Stream thread failures: outage (retried, bounded) or other (the processor stops)")
                .tag("kind", kind)
                .register(registry);
    }
}
