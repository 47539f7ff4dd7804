package dev.sanctions.cli;

import dev.sanctions.avro.DesignationState;
import dev.sanctions.core.Topics;
import dev.sanctions.core.json.JsonForm;
import dev.sanctions.replay.Difference;
import dev.sanctions.replay.LogSource;
import dev.sanctions.replay.Refold;
import dev.sanctions.replay.Replay;
import dev.sanctions.replay.Verification;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = "Re-fold the announcement log: states as of an instant, or verify the state topic.",
        subcommands = {ReplayCommand.AsOf.class, ReplayCommand.Verify.class})
final class ReplayCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: as-of or verify.");
    }

    static Replay replay(ConnectionOptions connection) {
        return new Replay(
                new LogSource(connection.kafkaProperties(), connection.registryProperties()),
                Topics.withPrefix(connection.topicPrefix()));
    }

    /** Records of the log that do not decode are skipped, as the processor skips them: say so, never silently. */
    static void noteUnreadable(Refold refold, PrintWriter err) {
        if (refold.unreadable() > 0) {
            err.printf(
                    "note: %d unreadable record(s) in the log were skipped, as the processor skips them "
                            + "(they are in the dead-letter topic)%n",
                    refold.unreadable());
        }
        if (refold.misrouted() > 0) {
            err.printf(
                    "note: %d misrouted announcement(s) were skipped, as the processor rejects them (MISROUTED in "
                            + "the rejected topic: not under their authority's key or not in its partition)%n",
                    refold.misrouted());
        }
    }

    @Command(
            name = "as-of",
            mixinStandardHelpOptions = true,
            description = {
                "The state of every designation as of an instant.",
                "Folds the announcements published at or before the instant,",
                "in log order. JSON lines sorted by designation key."
            })
    static final class AsOf implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Parameters(
                paramLabel = "INSTANT",
                converter = Instants.class,
                description = "e.g. 2022-03-01T00:00:00Z, or a date such as 2022-03-01 (meaning its end, UTC).")
        Instant asOf;

        @Option(
                names = "--output",
                paramLabel = "FILE",
                description = "Write the JSON lines to FILE instead of stdout.")
        Path output;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Refold refold;
            try (Progress progress = new Progress(err, "replay")) {
                refold = replay(connection).asOf(asOf, progress);
            }
            if (output == null) {
                write(refold, spec.commandLine().getOut());
                spec.commandLine().getOut().flush();
            } else {
                try (BufferedWriter writer = Files.newBufferedWriter(output)) {
                    write(refold, writer);
                }
                err.printf(
                        "%d designations as of %s written to %s%n",
                        refold.states().size(), asOf, output);
            }
            noteUnreadable(refold, err);
            return ExitCodes.OK;
        }

        private static void write(Refold refold, Writer writer) {
            try {
                for (DesignationState state : refold.states().values()) {
                    writer.write(JsonForm.of(state));
                    writer.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Check that sanctions.designations agrees with the log.",
                "Re-folds the whole log and compares it with sanctions.designations.",
                "Exit 0 when they agree, else 1 with the keys that differ and how."
            })
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Verification verification;
            try (Progress progress = new Progress(err, "verify")) {
                verification = replay(connection).verify(progress);
            }
            noteUnreadable(verification.refold(), err);
            if (verification.agrees()) {
                out.printf(
                        "OK: the designations topic agrees with the log: %s from %s (%s).%n",
                        Counted.of(verification.refold().states().size(), "designation"),
                        Counted.of(verification.refold().announcements(), "announcement"),
                        Counted.of(verification.refold().actions(), "action"));
                return ExitCodes.OK;
            }
            for (Difference difference : verification.differences()) {
                out.println(difference);
            }
            out.printf(
                    "DIFFERENT: %d of %d designations differ from the log. If the processor is still catching up, "
                            + "run again when it is idle; otherwise the designations topic was changed outside the processor.%n",
                    verification.differences().size(),
                    verification.refold().states().size());
            return ExitCodes.FAILURE;
        }
    }
}
