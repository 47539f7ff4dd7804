package dev.sanctions.cli;

import dev.sanctions.subscriber.TopicFollower;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code sanctions rejected} (docs/commands.md): what the processor refused, and why. */
@Command(
        name = "rejected",
        mixinStandardHelpOptions = true,
        description = {
            "Follow sanctions.rejected: every action or announcement the processor refused, with the reason.",
            "Stops on Ctrl-C, after --max-idle without news, or after --limit records."
        })
final class RejectedCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    FollowOptions follow;

    @Override
    public Integer call() {
        RejectedFormat format = new RejectedFormat(follow.layout());
        return follow.print(
                spec.commandLine().getOut(), connection, format.header(), TopicFollower::rejected, format::line);
    }
}
