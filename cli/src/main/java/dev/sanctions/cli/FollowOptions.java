package dev.sanctions.cli;

import dev.sanctions.subscriber.Layout;
import dev.sanctions.subscriber.StartPosition;
import dev.sanctions.subscriber.StopCondition;
import dev.sanctions.subscriber.SubscriptionSettings;
import dev.sanctions.subscriber.TopicFollower;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * Where a command that follows a topic starts, how it prints and when it stops: {@code subscribe}, {@code rejected}
 * and {@code dlq}, which take these options alike (docs/commands.md).
 */
final class FollowOptions {

    @Option(
            names = "--from",
            paramLabel = "beginning|latest|INSTANT",
            defaultValue = "latest",
            description = "Where to start: beginning, latest (default) or an instant such as 2022-03-01T00:00:00Z"
                    + " (a bare date is its last millisecond, UTC).")
    String from;

    @Option(
            names = "--format",
            paramLabel = "table|json",
            defaultValue = "table",
            description = "table (for people) or json (one object per line). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--wide", description = Layouts.WIDE)
    boolean wide;

    @Option(
            names = "--max-idle",
            paramLabel = "DURATION",
            converter = Durations.class,
            description = "Exit 0 after this long with nothing new, e.g. 5s.")
    Duration maxIdle;

    @Option(names = "--limit", paramLabel = "N", description = "Exit 0 after N records.")
    Long limit;

    /** What to read and how to connect; never a group, whose offsets would make a second look start later. */
    SubscriptionSettings settings(ConnectionOptions connection) {
        return settings(connection, UnaryOperator.identity());
    }

    /** As {@link #settings(ConnectionOptions)}, with what {@code more} adds (the subscriber's own choices). */
    SubscriptionSettings settings(ConnectionOptions connection, UnaryOperator<SubscriptionSettings.Builder> more) {
        StartPosition start = start();
        try {
            return more.apply(SubscriptionSettings.builder(connection.bootstrapServers, connection.schemaRegistryUrl)
                            .kafkaProperties(connection.kafkaProperties())
                            .registryProperties(connection.registryProperties())
                            .topicPrefix(connection.topicPrefix())
                            .from(start))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    private StartPosition start() {
        try {
            return StartPosition.parse(from);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--from: " + e.getMessage());
        }
    }

    /** The table, cutting or not, or JSON lines. */
    Layout layout() {
        return Layouts.of(format, wide);
    }

    StopCondition stop() {
        if (limit != null && limit < 1) {
            throw new UserInputException("--limit must be at least 1");
        }
        StopCondition stop = StopCondition.never();
        if (maxIdle != null) {
            stop = stop.withMaxIdle(maxIdle);
        }
        if (limit != null) {
            stop = stop.withLimit(limit);
        }
        return stop;
    }

    /**
     * Follows one topic until these options stop it, printing each record as a row under {@code header}
     * ({@code rejected}, {@code dlq}).
     */
    <T> int print(
            PrintWriter out,
            ConnectionOptions connection,
            Optional<String> header,
            Function<SubscriptionSettings, TopicFollower<T>> topic,
            Function<? super T, String> line) {
        StopCondition until = stop();
        Rows rows = new Rows(out, header);
        try (TopicFollower<T> follower = topic.apply(settings(connection))) {
            return Following.run(follower::wakeup, () -> follower.run(record -> rows.print(line.apply(record)), until));
        }
    }
}
