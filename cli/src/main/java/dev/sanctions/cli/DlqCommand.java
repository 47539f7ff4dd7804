package dev.sanctions.cli;

import dev.sanctions.subscriber.StopCondition;
import dev.sanctions.subscriber.TopicFollower;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
        StopCondition stop = follow.stop();
        Rows rows = new Rows(spec.commandLine().getOut(), format.header());
        try (TopicFollower<ConsumerRecord<String, byte[]>> follower =
                TopicFollower.deadLetters(follow.settings(connection))) {
            return Following.run(
                    follower::wakeup,
                    () -> follower.run(record -> rows.print(format.line(DeadLetter.of(record))), stop));
        }
    }
}
