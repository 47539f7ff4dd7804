package dev.sanctions.subscriber;

import java.util.Objects;

/**
 * Follows designation notifications (docs/topics.md, docs/events.md and docs/guarantees.md) for a bank: all of them, or those of chosen
 * jurisdictions, optionally after a snapshot of the current state of every matching designation.
 *
 * <pre>{@code
 * SubscriptionSettings settings = SubscriptionSettings.builder("kafka:9092", "http://registry:8081")
 *         .jurisdictions(List.of("JP", "EU"))
 *         .group("bank-screening")
 *         .snapshot(true)
 *         .build();
 * Subscriber subscriber = new Subscriber(settings);
 * Runtime.getRuntime().addShutdownHook(new Thread(subscriber::wakeup));
 * subscriber.run(new DesignationListener() {
 *     public void onSnapshot(DesignationState state) { screeningList.put(state); }
 *     public void onChange(DesignationChange change) { screeningList.apply(change); }
 * }, StopCondition.never());
 * }</pre>
 *
 * <p>Guarantees: only committed notifications are read (read_committed). Per designation key, notifications
 * arrive in version order, each version at most once per run; a redelivered one (after a rebalance, or one the
 * snapshot already holds) is dropped by its version. A version beyond the next expected one is reported to
 * {@link DesignationListener#onGap} and logged as a warning, then delivered. In a consumer group, offsets are
 * committed only after the listener returned for the records before them, so a crash or a listener exception
 * means those records are delivered again to the group's next run: at least once, across runs.
 *
 * <p>With a snapshot, notifications start where the snapshot ends, with no gap and no duplicate at the hand-over:
 * the notification topics' last stable offsets are taken first, then the designations topic is read up to its
 * high watermark taken after them, and every notification whose version the snapshot already holds is dropped.
 * The cost is reading the whole compacted designations topic once, and keeping one version number per designation
 * in memory for the run.
 *
 * <p>A jurisdiction's topic that does not exist yet (no notification for it so far) is waited for: it is checked
 * every second, logged once as a warning, and read from its start when it appears. A cluster that does not answer
 * within {@code default.api.timeout.ms} (30 s unless set) fails the run with a {@link SubscriptionException}.
 *
 * <p>One run at a time; {@link #wakeup()} and {@link #close()} may be called from any thread.
 */
public final class Subscriber implements AutoCloseable {

    private final SubscriptionSettings settings;
    private final Runs runs;

    /** Connects only in {@link #run}. */
    public Subscriber(SubscriptionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.runs = new Runs(settings.bootstrapServers());
    }

    /**
     * Delivers the snapshot (when asked for), then notifications, on this thread, until {@code stop} is met or
     * {@link #wakeup()} is called; then returns normally. Clients are opened here and closed before returning.
     *
     * @throws SubscriptionException when the cluster is unreachable or a record cannot be read
     * @throws RuntimeException whatever the listener threw, unchanged
     * @throws IllegalStateException when another run is in progress or the subscriber was closed
     */
    public void run(DesignationListener listener, StopCondition stop) {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(stop, "stop");
        runs.run(signal -> new SubscriptionRun(settings, listener, stop, signal).execute());
    }

    /**
     * Makes the current run return soon, after committing what the listener has finished; a call before a run
     * starts makes that run return at once.
     */
    public void wakeup() {
        runs.wakeup();
    }

    /** Stops a run in progress, as {@link #wakeup()}, and refuses further runs. */
    @Override
    public void close() {
        runs.close();
    }
}
