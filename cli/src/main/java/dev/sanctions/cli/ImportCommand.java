package dev.sanctions.cli;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.TargetKind;
import dev.sanctions.importers.ImportProblem;
import dev.sanctions.importers.ListChangedException;
import dev.sanctions.importers.ListFormat;
import dev.sanctions.importers.ListFormats;
import dev.sanctions.importers.ListImport;
import dev.sanctions.importers.PreparedSnapshot;
import dev.sanctions.producer.InvalidAnnouncementsException;
import dev.sanctions.producer.Published;
import dev.sanctions.producer.SnapshotSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Read an official list file as its authority publishes it and publish it as one snapshot of that list"
                    + " (docs/importers.md).",
            "FORMAT is one of: ofac-csv (sdn.csv, add.csv, alt.csv, sdn_comments.csv, or their directory), ofac-xml"
                    + " (SDN.XML or CONSOLIDATED.XML), un-xml (the UN consolidated list), eu-xml (the EU FSF export"
                    + " 1.1).",
            "A bad file: exit 2, one line per problem as FILE:LINE: message, and nothing is published.",
            "With --wait: exit 3 when the processor rejected some of it, 1 when its receipt did not come in time."
        })
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(
            index = "0",
            paramLabel = "FORMAT",
            completionCandidates = FormatNames.class,
            description = "${COMPLETION-CANDIDATES}")
    String format;

    @Parameters(
            index = "1..*",
            arity = "1..*",
            paramLabel = "PATH",
            description = "The list file(s), or for ofac-csv their directory.")
    List<Path> paths;

    @Option(
            names = "--dry-run",
            description = "Read and validate the list, print what it holds and, when the cluster is reachable, what it"
                    + " would designate, amend and delist on the current state and whether its guard would refuse it;"
                    + " publish nothing.")
    boolean dryRun;

    @Option(
            names = "--max-delist",
            paramLabel = "FRACTION",
            defaultValue = "0.25",
            description = "The snapshot guard: the processor refuses the snapshot when it would delist more than this"
                    + " fraction (0 to 1) of the list's active designations (default: ${DEFAULT-VALUE}).")
    double maxDelist;

    @Option(
            names = "--published-at",
            paramLabel = "INSTANT",
            converter = PublishedAt.class,
            description = "When the list was published, for a file that carries no date of its own (OFAC's CSV files):"
                    + " an ISO-8601 instant with Z or an offset, or a date such as 2024-05-06 (its start, UTC). Default: the file's"
                    + " modification time. A file's own date always wins.")
    Instant publishedAt;

    @Option(
            names = "--list",
            paramLabel = "LIST",
            description =
                    "The list the file holds, for ofac-xml when the file name does not say (SDN or CONSOLIDATED).")
    String list;

    @Mixin
    PublishingOptions publishing;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ListFormat listFormat = ListFormats.named(format.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UserInputException(
                        "unknown FORMAT '" + format + "': choose one of " + String.join(", ", ListFormats.names())));
        if (!(maxDelist >= 0.0 && maxDelist <= 1.0)) {
            throw new UserInputException("--max-delist: must be a fraction from 0 to 1, got " + maxDelist);
        }
        ListImport.Options options = new ListImport.Options(
                Optional.ofNullable(list).map(l -> l.toUpperCase(Locale.ROOT)),
                Optional.ofNullable(publishedAt),
                maxDelist);
        ListImport.Result result = ListImport.prepare(listFormat, paths, options);
        if (!result.valid()) {
            result.problems().stream().map(ImportProblem::format).forEach(err::println);
            err.printf(
                    "%s found; nothing was published. Is this the file as published? Download it again, or fix the"
                            + " lines above.%n",
                    Counted.of(result.problems().size(), "problem"));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        PreparedSnapshot snapshot = result.snapshot().orElseThrow();
        Announcement header = snapshot.header();
        out.printf(
                "read %s: %s of %s list %s (%s)%n",
                listFormat.name(),
                Counted.of(snapshot.entryCount(), "entry", "entries"),
                header.getAuthority(),
                header.getList(),
                kinds(snapshot.kinds()));
        out.printf(
                "publishedAt %s (%s)%n",
                header.getPublishedAt(), snapshot.publishedAtSource().description());
        out.printf("announcementId %s%n", header.getAnnouncementId());
        if (dryRun) {
            List<Action> entries = new ArrayList<>(snapshot.entryCount());
            try {
                snapshot.forEachEntry(entries::add);
            } catch (ListChangedException e) {
                throw new UserInputException(e.getMessage());
            }
            Preview preview = Preview.against(
                    new CurrentState(connection, Preview.TIMEOUT),
                    List.of(Announcement.newBuilder(header).setActions(entries).build()));
            preview.snapshotLines().forEach(out::println);
            out.println("valid; nothing published (--dry-run).");
            out.println(preview.closing());
            return ExitCodes.OK;
        }
        if (System.console() != null) {
            err.printf("publishing %s in one transaction ...%n", Counted.of(snapshot.entryCount(), "entry", "entries"));
            err.flush();
        }
        try {
            return publishing.publish(
                    connection,
                    new Progress(err, "import", "entries written", snapshot.entryCount()),
                    (publisher, written) -> publisher.publishSnapshot(source(snapshot), written),
                    published -> printPublished(published, out),
                    out,
                    err);
        } catch (InvalidAnnouncementsException e) {
            e.problems().forEach(err::println);
            err.printf("nothing was published.%n");
            err.flush();
            return ExitCodes.BAD_INPUT;
        } catch (ListChangedException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    private static void printPublished(List<Published> published, PrintWriter out) {
        for (Published p : published) {
            out.printf(
                    "published %s part %d/%d (%s) to partition %d at offset %d%n",
                    p.announcementId(),
                    p.part() + 1,
                    p.parts(),
                    Counted.of(p.actions(), "entry", "entries"),
                    p.partition(),
                    p.offset());
        }
    }

    private static SnapshotSource source(PreparedSnapshot snapshot) {
        return SnapshotSource.of(snapshot::header, snapshot::forEachEntry, snapshot::encodedSizes);
    }

    /** {@code 4 persons, 3 organizations}. */
    private static String kinds(Map<TargetKind, Integer> kinds) {
        List<String> parts = new ArrayList<>();
        for (TargetKind kind : TargetKind.values()) {
            Integer count = kinds.get(kind);
            if (count != null) {
                String noun = kind.name().toLowerCase(Locale.ROOT);
                parts.add(kind == TargetKind.AIRCRAFT ? Counted.of(count, noun, noun) : Counted.of(count, noun));
            }
        }
        return String.join(", ", parts);
    }

    /** The formats, for the help text and shell completion. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ListFormats.names().iterator();
        }
    }

    /** An instant with offset, or a date meaning its start in UTC (when a list was published, not "as of"). */
    static final class PublishedAt implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String text) {
            String value = text.strip();
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notAnInstant) {
                try {
                    return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notADate) {
                    throw new CommandLine.TypeConversionException("'" + text + "' is not an instant: write e.g."
                            + " 2024-05-06T14:00:00Z, 2024-05-06T10:00:00-04:00 or a date such as 2024-05-06");
                }
            }
        }
    }
}
