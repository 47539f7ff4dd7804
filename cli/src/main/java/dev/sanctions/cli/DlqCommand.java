package dev.sanctions.cli;

import dev.sanctions.subscriber.TopicFollower;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code sanctions dlq} (docs/commands.md): the records the processor could not read at all, and why. */
@Command(
        name = "dlq",
        mixinStandardHelpOptions = true,
        description = {
            "Follow sanctions.dlq: records the processor could not read, with the error, where they came from",
            "and the value (as text when it is printable UTF-8, else base64).",
            "Stops on Ctrl-C, after --max-idle without news, or after --limit records."
        })
final class DlqCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    FollowOptions follow;

    @Override
    public Integer call() {
        DeadLetterFormat format = new DeadLetterFormat(follow.layout());
        return follow.print(
                spec.commandLine().getOut(),
                connection,
                format.header(),
                TopicFollower::deadLetters,
                record -> format.line(DeadLetter.of(record)));
    }
}
