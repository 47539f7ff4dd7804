package dev.sanctions.bench;

import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.core.Topics;
import dev.sanctions.replay.LogSource;
import dev.sanctions.replay.Refold;
import dev.sanctions.replay.Replay;
import dev.sanctions.subscriber.DesignationListener;
import dev.sanctions.subscriber.StopCondition;
import dev.sanctions.subscriber.Subscriber;
import dev.sanctions.subscriber.SubscriptionSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One kind of read in a JVM of its own, as a user runs {@code sanctions replay as-of} or {@code sanctions subscribe
 * --snapshot}: the JVM holds what that read holds, not the broker, the benchmark's expected fold or another read's
 * states. The raw consumer the reads are compared with runs the same way. Started by {@link ReadsProcess}.
 *
 * <p>Arguments: the kind ({@code raw}, {@code replay} or {@code snapshot}), bootstrap servers, schema registry URL,
 * then for {@code raw} the warm-up's {@code TOPIC:RECORDS} and one per run (its warm-up reads them all once), for
 * the others the number of runs. Run 0 is the warm-up.
 * Each run's figures go to stdout on a line prefixed {@value ProcessorMain#MARKER}: {@code RUN n rate count}, and
 * for the reads the {@link StatesDigest} of what they read, taken after the clock stopped. {@code DONE} ends, {@code
 * FAILED reason} says why not.
 */
public final class ReadsMain {

    private static final Duration SNAPSHOT_IDLE = Duration.ofMillis(100);

    private ReadsMain() {}

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: ReadsMain raw|replay|snapshot BOOTSTRAP REGISTRY_URL TOPIC:RECORDS...|RUNS");
            System.exit(2);
        }
        String bootstrap = args[1];
        String registry = args[2];
        try {
            switch (args[0]) {
                case "raw" -> {
                    List<String> topics = List.of(args).subList(3, args.length);
                    // The warm-up reads every topic once, the runs' too: as many records as a replay's warm-up
                    // reads, or more, so the consumer's code is as warm as the reads' when measured.
                    long warmupRecords = 0;
                    long warmupNanos = 0;
                    for (String topic : topics) {
                        warmupRecords += records(topic);
                        warmupNanos += RawBaseline.consume(bootstrap, name(topic), records(topic));
                    }
                    say(0, Statistics.perSecond(warmupRecords, warmupNanos), warmupRecords, "");
                    for (int run = 1; run < topics.size(); run++) {
                        int records = records(topics.get(run));
                        long nanos = RawBaseline.consume(bootstrap, name(topics.get(run)), records);
                        say(run, Statistics.perSecond(records, nanos), records, "");
                    }
                }
                case "replay", "snapshot" -> {
                    boolean replay = args[0].equals("replay");
                    int runs = Integer.parseInt(args[3]);
                    for (int run = 0; run <= runs; run++) {
                        if (replay) {
                            replay(run, bootstrap, registry);
                        } else {
                            snapshot(run, bootstrap, registry);
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown kind of read " + args[0]);
            }
        } catch (Throwable e) { // an Error too: the benchmark is told FAILED, with what, rather than only an exit
            e.printStackTrace();
            System.out.println(ProcessorMain.MARKER + "FAILED " + e);
            System.out.flush();
            System.exit(1);
        }
        System.out.println(ProcessorMain.MARKER + "DONE");
        System.out.flush();
        System.exit(0);
    }

    /** The topic of a {@code TOPIC:RECORDS} argument. */
    private static String name(String topicAndRecords) {
        return topicAndRecords.substring(0, topicAndRecords.lastIndexOf(':'));
    }

    private static int records(String topicAndRecords) {
        return Integer.parseInt(topicAndRecords.substring(topicAndRecords.lastIndexOf(':') + 1));
    }

    private static void replay(int run, String bootstrap, String registry) {
        Replay replay = new Replay(
                new LogSource(Map.of("bootstrap.servers", bootstrap), Map.of("schema.registry.url", registry)),
                Topics.unprefixed());
        long begin = System.nanoTime();
        Refold refold = replay.asOf(null, read -> {});
        long elapsed = System.nanoTime() - begin;
        say(
                run,
                Statistics.perSecond(refold.actions(), elapsed),
                refold.actions(),
                StatesDigest.of(refold.states().values()).line());
    }

    private static void snapshot(int run, String bootstrap, String registry) {
        // Only kept while timed: the digest of them is the benchmark's work, not the snapshot's.
        List<DesignationState> loaded = new ArrayList<>();
        long[] lastState = new long[1];
        Subscriber subscriber = new Subscriber(
                SubscriptionSettings.builder(bootstrap, registry).snapshot(true).build());
        long begin = System.nanoTime();
        subscriber.run(
                new DesignationListener() {
                    @Override
                    public void onSnapshot(DesignationState state) {
                        loaded.add(state);
                        lastState[0] = System.nanoTime();
                    }

                    @Override
                    public void onChange(DesignationChange change) {
                        // The processor is stopped: nothing follows the snapshot.
                    }
                },
                StopCondition.never().withMaxIdle(SNAPSHOT_IDLE));
        say(
                run,
                Statistics.perSecond(loaded.size(), lastState[0] - begin),
                loaded.size(),
                StatesDigest.of(loaded).line());
    }

    private static void say(int run, double rate, long count, String digest) {
        System.out.println(
                String.format(Locale.ROOT, "%sRUN %d %.3f %d %s", ProcessorMain.MARKER, run, rate, count, digest)
                        .trim());
        System.out.flush();
    }
}
