package dev.sanctions.cli;

import dev.sanctions.subscriber.ChangeFormat;
import dev.sanctions.subscriber.PrintingListener;
import dev.sanctions.subscriber.StartPosition;
import dev.sanctions.subscriber.StopCondition;
import dev.sanctions.subscriber.Subscriber;
import dev.sanctions.subscriber.SubscriptionSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "subscribe",
        mixinStandardHelpOptions = true,
        description = {
            "Follow designation changes, as a bank does.",
            "All changes, or only the jurisdictions given, in order and without gaps. Stops on Ctrl-C,",
            "after --max-idle without news, or after --limit changes."
        })
final class SubscribeCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(
            names = "--jurisdiction",
            paramLabel = "J",
            description = "Follow only this jurisdiction (e.g. JP, US, EU); repeat for several. Default: all.")
    List<String> jurisdictions = List.of();

    @Option(
            names = "--from",
            paramLabel = "beginning|latest|INSTANT",
            defaultValue = "latest",
            description = "Where to start: beginning, latest (default) or an instant such as 2022-03-01T00:00:00Z"
                    + " (a bare date is its last millisecond, UTC)."
                    + " With --group, the group's committed offsets win.")
    String from;

    @Option(
            names = "--group",
            paramLabel = "ID",
            description = "Consumer group: offsets are committed after each change is handled, so a restart resumes.")
    String group;

    @Option(
            names = "--snapshot",
            description = "First print the current state of every matching designation, then follow changes.")
    boolean snapshot;

    @Option(
            names = "--format",
            paramLabel = "table|json",
            defaultValue = "table",
            description =
                    "table (for people) or json (one object per line, docs/events.md). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--wide", description = Layouts.WIDE)
    boolean wide;

    @Option(
            names = "--max-idle",
            paramLabel = "DURATION",
            converter = Durations.class,
            description = "Exit 0 after this long with nothing new, e.g. 5s.")
    Duration maxIdle;

    @Option(names = "--limit", paramLabel = "N", description = "Exit 0 after N changes.")
    Long limit;

    @Override
    public Integer call() {
        ChangeFormat changeFormat = new ChangeFormat(Layouts.of(format, wide));
        StartPosition start;
        SubscriptionSettings settings;
        try {
            start = StartPosition.parse(from);
            SubscriptionSettings.Builder builder = SubscriptionSettings.builder(
                            connection.bootstrapServers, connection.schemaRegistryUrl)
                    .kafkaProperties(connection.kafkaProperties())
                    .registryProperties(connection.registryProperties())
                    .topicPrefix(connection.topicPrefix())
                    .jurisdictions(jurisdictions)
                    .from(start)
                    .snapshot(snapshot);
            if (group != null) {
                builder.group(group);
            }
            settings = builder.build();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
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
        PrintingListener printing = new PrintingListener(
                changeFormat, spec.commandLine().getOut(), spec.commandLine().getErr());
        SnapshotProgress listener =
                new SnapshotProgress(printing, new Progress(spec.commandLine().getErr(), "snapshot"));
        StopCondition until = stop;
        try (Subscriber subscriber = new Subscriber(settings)) {
            return Following.run(subscriber::wakeup, () -> subscriber.run(listener, until));
        }
    }
}
