package dev.sanctions.cli;

import dev.sanctions.producer.AnnouncementPublisher;
import dev.sanctions.producer.Published;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * How {@code publish} and {@code import} publish: as which publisher, and whether they wait for the processor's
 * receipts ({@code --wait}); both take these options alike (docs/commands.md).
 */
final class PublishingOptions {

    @Option(
            names = "--publisher-id",
            paramLabel = "NAME",
            defaultValue = "${env:SANCTIONS_PUBLISHER_ID}",
            description = {
                "This publisher's stable name (env SANCTIONS_PUBLISHER_ID; default: the user --command-config logs in"
                        + " as, else user@host): the transactional id is"
                        + " sanctions-publish.NAME, so a publish aborts what a killed one with the same NAME left open.",
                "Give publishers that run at the same time different names."
            })
    String publisherId;

    @ArgGroup(exclusive = false)
    WaitOptions waiting;

    /**
     * Publishes in one transaction, feeding {@code progress} (stderr, on a terminal) with what the broker has
     * acknowledged; then lets {@code printed} say where each record landed and, with {@code --wait}, prints the
     * receipts.
     *
     * @param send what to publish with the publisher, telling the progress line how much is written
     * @return the exit code: 0, or with {@code --wait} 3 when something was rejected and 1 on timeout
     */
    int publish(
            ConnectionOptions connection,
            Progress progress,
            BiFunction<AnnouncementPublisher, LongConsumer, List<Published>> send,
            Consumer<List<Published>> printed,
            PrintWriter out,
            PrintWriter err) {
        try (ReceiptWait receipts = ReceiptWait.before(waiting, connection)) {
            List<Published> published;
            try (AnnouncementPublisher publisher =
                            new AnnouncementPublisher(PublisherConfigs.of(connection, publisherId));
                    Progress written = progress) {
                published = send.apply(publisher, written);
            }
            printed.accept(published);
            out.flush();
            return receipts.after(published, out, err);
        }
    }
}
