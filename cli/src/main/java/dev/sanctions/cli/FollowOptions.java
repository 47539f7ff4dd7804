package dev.sanctions.cli;

import dev.sanctions.subscriber.Layout;
import dev.sanctions.subscriber.StartPosition;
import dev.sanctions.subscriber.StopCondition;
import dev.sanctions.subscriber.SubscriptionSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where a command that follows a topic starts and when it stops: {@code rejected} and {@code dlq}. */
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
        StartPosition start = start();
        try {
            return SubscriptionSettings.builder(connection.bootstrapServers, connection.schemaRegistryUrl)
                    .kafkaProperties(connection.kafkaProperties())
                    .registryProperties(connection.registryProperties())
                    .topicPrefix(connection.topicPrefix())
                    .from(start)
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
}
