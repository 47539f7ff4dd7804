package dev.sanctions.cli;

import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.core.Topics;
import dev.sanctions.producer.Published;
import dev.sanctions.subscriber.DisplayText;
import dev.sanctions.subscriber.ReceiptWaiter;
import dev.sanctions.subscriber.ReceiptWaiter.Announced;
import dev.sanctions.subscriber.SubscriptionSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code publish --wait} and {@code import --wait} (docs/commands.md): marks where the receipts end before publishing,
 * then waits for the receipts of exactly the announcements published, prints one line per announcement and one per
 * rejection, and gives the exit code. Without {@code --wait} it does nothing and the exit code is 0.
 */
final class ReceiptWait implements AutoCloseable {

    private final Optional<ReceiptWaiter> waiter;
    private final Duration timeout;
    private final String announcements;

    private ReceiptWait(Optional<ReceiptWaiter> waiter, Duration timeout, String announcements) {
        this.waiter = waiter;
        this.timeout = timeout;
        this.announcements = announcements;
    }

    /** Call it before publishing: with {@code --wait}, takes where the receipts topic ends now. */
    static ReceiptWait before(WaitOptions options, ConnectionOptions connection) {
        String announcements = Topics.withPrefix(connection.topicPrefix()).announcements();
        if (options == null) {
            return new ReceiptWait(Optional.empty(), Duration.ZERO, announcements);
        }
        Duration timeout = options.timeout();
        SubscriptionSettings settings;
        try {
            settings = SubscriptionSettings.builder(connection.bootstrapServers, connection.schemaRegistryUrl)
                    .kafkaProperties(connection.kafkaProperties())
                    .registryProperties(connection.registryProperties())
                    .topicPrefix(connection.topicPrefix())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        return new ReceiptWait(Optional.of(ReceiptWaiter.markEnd(settings)), timeout, announcements);
    }

    /**
     * After publishing: with {@code --wait}, waits for the receipts of {@code published} and prints them.
     *
     * @return 0 when every announcement took effect in full (or there was no waiting), 3 when the processor
     *     rejected something, 1 when a receipt did not come in time
     */
    int after(List<Published> published, PrintWriter out, PrintWriter err) {
        if (waiter.isEmpty()) {
            return ExitCodes.OK;
        }
        // A snapshot in several parts is one announcement with one receipt.
        Set<Announced> expected = published.stream()
                .map(p -> new Announced(p.authority(), p.announcementId()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (System.console() != null) {
            err.printf(
                    "waiting up to %s for the processor's receipts of %s ...%n",
                    text(timeout), Counted.of(expected.size(), "announcement"));
            err.flush();
        }
        ReceiptWaiter.Outcome outcome = waiter.get().await(expected, timeout);
        long withRejections = 0;
        for (Announced announced : expected) {
            AnnouncementReceipt receipt = outcome.receipts().get(announced);
            if (receipt == null) {
                continue;
            }
            out.println(line(receipt));
            receipt.getRejections().forEach(rejected -> out.println(line(rejected)));
            int unlisted = receipt.getRejected() - receipt.getRejections().size();
            if (unlisted > 0) {
                out.printf(
                        "  ... and %s more: sanctions rejected --from %s lists them all%n",
                        Counted.of(unlisted, "rejection"), receipt.getPublishedAt());
            }
            if (receipt.getRejected() > 0) {
                withRejections++;
            }
        }
        out.flush();
        if (!outcome.complete()) {
            err.printf(
                    "no receipt after %s for %s: %s. They were published; is the processor running and reading %s?"
                            + " Check its log and /health, then look for them with sanctions rejected and sanctions dlq"
                            + " (an unreadable record gets no receipt), or wait longer with --timeout.%n",
                    text(timeout),
                    Counted.of(outcome.missing().size(), "announcement"),
                    outcome.missing().stream().map(ReceiptWait::name).collect(Collectors.joining(", ")),
                    announcements);
            err.flush();
            return ExitCodes.FAILURE;
        }
        if (withRejections > 0) {
            err.printf(
                    "%s of %s had actions rejected: published, but not all of it took effect (the lines above say what"
                            + " and why).%n",
                    withRejections, Counted.of(expected.size(), "announcement"));
            err.flush();
            return ExitCodes.REJECTED;
        }
        return ExitCodes.OK;
    }

    /** {@code receipt jp-2022-03-08 (JP-MOFA): 2 designated, 0 amended, 1 delisted, 0 unchanged, 0 rejected}. */
    static String line(AnnouncementReceipt receipt) {
        return String.format(
                "receipt %s (%s): %d designated, %d amended, %d delisted, %d unchanged, %d rejected",
                DisplayText.printable(receipt.getAnnouncementId()),
                DisplayText.printable(receipt.getAuthority()),
                receipt.getDesignated(),
                receipt.getAmended(),
                receipt.getDelisted(),
                receipt.getUnchanged(),
                receipt.getRejected());
    }

    /**
     * {@code   rejected action #1 DELIST JP-MOFA/X: UNKNOWN_DESIGNATION: MESSAGE}, or {@code   rejected the
     * announcement: REASON: MESSAGE} when it was refused as a whole.
     */
    static String line(RejectedAction rejected) {
        String what = rejected.getActionIndex() == null
                ? "the announcement"
                : "action #" + rejected.getActionIndex()
                        + (rejected.getAction() == null
                                ? ""
                                : " " + rejected.getAction().name())
                        + (rejected.getDesignationKey() == null
                                ? ""
                                : " " + DisplayText.printable(rejected.getDesignationKey()));
        return "  rejected " + what + ": " + rejected.getReason().name() + ": "
                + DisplayText.printable(rejected.getMessage());
    }

    /** {@code 60s}, {@code 1500ms}: as --timeout takes it. */
    private static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static String name(Announced announced) {
        return announced.announcementId() + " (" + announced.authority() + ")";
    }

    @Override
    public void close() {
        waiter.ifPresent(ReceiptWaiter::close);
    }
}
