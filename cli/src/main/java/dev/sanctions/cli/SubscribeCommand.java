package dev.sanctions.cli;

import dev.sanctions.subscriber.ChangeFormat;
import dev.sanctions.subscriber.PrintingListener;
import dev.sanctions.subscriber.StopCondition;
import dev.sanctions.subscriber.Subscriber;
import dev.sanctions.subscriber.SubscriptionSettings;
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

    @Mixin
    FollowOptions follow;

    @Option(
            names = "--jurisdiction",
            paramLabel = "J",
            description = "Follow only this jurisdiction (e.g. JP, US, EU); repeat for several. Default: all.")
    List<String> jurisdictions = List.of();

    @Option(
            names = "--group",
            paramLabel = "ID",
            description = "Consumer group: offsets are committed after each change is handled, so a restart resumes"
                    + " there (the group's committed offsets win over --from).")
    String group;

    @Option(
            names = "--snapshot",
            description = "First print the current state of every matching designation, then follow changes.")
    boolean snapshot;

    @Override
    public Integer call() {
        ChangeFormat changeFormat = new ChangeFormat(follow.layout());
        SubscriptionSettings settings = follow.settings(connection, builder -> {
            builder.jurisdictions(jurisdictions).snapshot(snapshot);
            return group == null ? builder : builder.group(group);
        });
        StopCondition until = follow.stop();
        PrintingListener printing = new PrintingListener(
                changeFormat, spec.commandLine().getOut(), spec.commandLine().getErr());
        SnapshotProgress listener =
                new SnapshotProgress(printing, new Progress(spec.commandLine().getErr(), "snapshot"));
        try (Subscriber subscriber = new Subscriber(settings)) {
            return Following.run(subscriber::wakeup, () -> subscriber.run(listener, until));
        }
    }
}
