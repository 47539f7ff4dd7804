package dev.sanctions.cli;

import dev.sanctions.producer.AnnouncementFiles;
import dev.sanctions.producer.Batch;
import dev.sanctions.producer.ParsedAnnouncement;
import dev.sanctions.producer.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = {
            "Validate announcement files, then publish them all in one transaction.",
            "Any problem: exit 2, one line per problem as FILE:LINE: field: message, and nothing is published.",
            "With --wait: exit 3 when the processor rejected some of it, 1 when its receipts did not come in time."
        })
final class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(
            arity = "1..*",
            paramLabel = "PATH",
            description =
                    "Announcement files (.json: an object or an array; .jsonl: one per line) or directories of them.")
    List<Path> paths;

    @Option(
            names = "--dry-run",
            description = "Validate and show what would be published and, when the cluster is reachable, what the"
                    + " processor would do with each action on the current state; publish nothing.")
    boolean dryRun;

    @Mixin
    PublishingOptions publishing;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null;
        if (terminal) {
            err.print("reading and validating " + paths.size() + " path(s) ...\r");
            err.flush();
        }
        Batch batch = AnnouncementFiles.read(paths);
        if (!batch.valid()) {
            batch.problems().stream().map(Problem::format).forEach(err::println);
            err.printf(
                    "%s found; nothing was published. Fix the lines above and run again.%n",
                    Counted.of(batch.problems().size(), "problem"));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (dryRun) {
            Preview preview = Preview.against(
                    new CurrentState(connection, Preview.TIMEOUT),
                    batch.announcements().stream()
                            .map(ParsedAnnouncement::announcement)
                            .toList());
            for (int i = 0; i < batch.announcements().size(); i++) {
                ParsedAnnouncement parsed = batch.announcements().get(i);
                out.printf(
                        "would publish %s (%s, %s) from %s:%d%n",
                        parsed.announcement().getAnnouncementId(),
                        parsed.announcement().getAuthority(),
                        Counted.of(parsed.announcement().getActions().size(), "action"),
                        parsed.file(),
                        parsed.line());
                preview.actionLines(i).forEach(out::println);
            }
            out.printf(
                    "%s valid; nothing published (--dry-run).%n",
                    Counted.of(batch.announcements().size(), "announcement"));
            out.println(preview.closing());
            return ExitCodes.OK;
        }
        long actions = batch.announcements().stream()
                .mapToLong(p -> p.announcement().getActions().size())
                .sum();
        if (terminal) {
            err.printf(
                    "publishing %s, %s, in one transaction ...%n",
                    Counted.of(batch.announcements().size(), "announcement"), Counted.of(actions, "action"));
            err.flush();
        }
        return publishing.publish(
                connection,
                new Progress(err, "publish", "actions written", actions),
                (publisher, written) -> publisher.publish(
                        batch.announcements().stream()
                                .map(ParsedAnnouncement::announcement)
                                .toList(),
                        written),
                published -> published.forEach(p -> out.printf(
                        "published %s (%s, %s) to partition %d at offset %d%n",
                        p.announcementId(),
                        p.authority(),
                        Counted.of(p.actions(), "action"),
                        p.partition(),
                        p.offset())),
                out,
                err);
    }
}
