package dev.sanctions.bench;

import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.importers.ImportProblem;
import dev.sanctions.importers.ListFormat;
import dev.sanctions.importers.ListFormats;
import dev.sanctions.importers.ListImport;
import dev.sanctions.importers.PreparedSnapshot;
import dev.sanctions.producer.AnnouncementPublisher;
import dev.sanctions.producer.SnapshotSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The import phase: a generated UN consolidated list ({@link UnListFile}) imported as a full-list snapshot through
 * the real path of {@code sanctions import un-xml}: the importer's pass over the file (and a second one for a list
 * too large to keep in memory), the publisher's parts in one transaction, the processor applying it; timed from the
 * start of the import until its receipt (written after its last notification) is readable read_committed. Then a
 * second edition of the list, in which a fraction of the entries changed.
 */
final class ImportPhase {

    /** The authority and list of the imported list: those of {@code un-xml}. */
    static final String AUTHORITY = "UN-SC";

    static final String LIST = "CONSOLIDATED";

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Instant FIRST_EDITION = Instant.parse("2026-01-05T00:00:00Z");
    private static final Instant SECOND_EDITION = Instant.parse("2026-01-06T00:00:00Z");

    /**
     * One edition: seconds from import to receipt, of them those until the publisher's transaction was committed
     * (reading the file twice and publishing: the rest is the processor's), and the receipt.
     */
    record Edition(double seconds, double publishedSeconds, AnnouncementReceipt receipt) {}

    /** Both editions of a list of {@code entries}; the second changes {@code changedFraction} of them. */
    record Figures(int entries, double changedFraction, Edition first, Edition second) {}

    private final Path dir;
    private final String bootstrap;
    private final String registry;
    private final String receiptsTopic;
    private final Consumer<String> say;

    ImportPhase(Path dir, String bootstrap, String registry, String receiptsTopic, Consumer<String> say) {
        this.dir = dir;
        this.bootstrap = bootstrap;
        this.registry = registry;
        this.receiptsTopic = receiptsTopic;
        this.say = say;
    }

    Figures run(AnnouncementPublisher publisher, int entries, double changedFraction, long seed) {
        Path first = dir.resolve("un-list-1.xml");
        Path second = dir.resolve("un-list-2.xml");
        UnListFile.write(first, entries, seed, FIRST_EDITION, 0.0);
        UnListFile.write(second, entries, seed, SECOND_EDITION, changedFraction);
        Edition one = edition(publisher, first);
        say.accept(describe("first edition", entries, one));
        Edition two = edition(publisher, second);
        say.accept(describe("second edition", entries, two));
        return new Figures(entries, changedFraction, one, two);
    }

    private Edition edition(AnnouncementPublisher publisher, Path file) {
        ListFormat format = ListFormats.named("un-xml").orElseThrow();
        try (ReceiptWatch watch = new ReceiptWatch(bootstrap, registry, receiptsTopic)) {
            long begin = System.nanoTime();
            ListImport.Result result = ListImport.prepare(format, List.of(file), ListImport.Options.defaults());
            PreparedSnapshot snapshot = result.snapshot()
                    .orElseThrow(() -> new BenchmarkException("the generated list " + file + " does not import: "
                            + result.problems().stream()
                                    .map(ImportProblem::format)
                                    .collect(Collectors.joining("; "))));
            publisher.publishSnapshot(
                    SnapshotSource.of(snapshot::header, snapshot::forEachEntry, snapshot::encodedSizes));
            long published = System.nanoTime();
            ReceiptWatch.Read read = watch.await(snapshot.header().getAnnouncementId(), TIMEOUT);
            return new Edition((read.at() - begin) / 1e9, (published - begin) / 1e9, read.receipt());
        }
    }

    private static String describe(String which, int entries, Edition edition) {
        AnnouncementReceipt r = edition.receipt();
        return String.format(
                Locale.ROOT,
                "import, %s: %,d entries in %.1f s (%,.0f entries/s; published after %.1f s): %d designated,"
                        + " %d amended, %d delisted, %d unchanged, %d rejected",
                which,
                entries,
                edition.seconds(),
                entries / edition.seconds(),
                edition.publishedSeconds(),
                r.getDesignated(),
                r.getAmended(),
                r.getDelisted(),
                r.getUnchanged(),
                r.getRejected());
    }
}
