package dev.sanctions.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sanctions.avro.Action;
import dev.sanctions.importers.ofaccsv.OfacCsvFormat;
import dev.sanctions.importers.unxml.UnXmlFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListImportTest {
    private static final Path UN = Imported.FORMATS.resolve("un-consolidated.xml");

    @TempDir
    Path dir;

    @Test
    void theFilesOwnDateWinsOverPublishedAt() {
        PreparedSnapshot snapshot = Imported.prepared(
                new UnXmlFormat(),
                new ListImport.Options(Optional.empty(), Optional.of(Instant.parse("2020-01-01T00:00:00Z")), 0.1),
                UN);

        assertThat(snapshot.publishedAtSource()).isEqualTo(PublishedAtSource.FILE);
        assertThat(snapshot.header().getPublishedAt()).isEqualTo(Instant.parse("2026-02-27T00:00:09.554Z"));
        assertThat(snapshot.header().getSnapshot().getMaxDelistFraction()).isEqualTo(0.1);
    }

    @Test
    void withoutADateTheModificationTimeIsUsed() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("ofac"));
        Instant modified = Instant.parse("2024-05-06T07:08:09Z");
        for (String name : List.of("sdn.csv", "add.csv", "alt.csv")) {
            Path file = Files.copy(Imported.FORMATS.resolve("ofac-csv").resolve(name), copy.resolve(name));
            Files.setLastModifiedTime(file, FileTime.from(modified.minusSeconds(name.length())));
        }

        PreparedSnapshot snapshot = Imported.prepared(new OfacCsvFormat(), copy);

        assertThat(snapshot.publishedAtSource()).isEqualTo(PublishedAtSource.MODIFICATION_TIME);
        assertThat(snapshot.header().getPublishedAt()).isEqualTo(modified.minusSeconds("add.csv".length()));
    }

    @Test
    void theSameContentGivesTheSameIdAndOtherContentAnother() throws IOException {
        Path copy = Files.copy(UN, dir.resolve("copy.xml"));
        String original = Imported.prepared(new UnXmlFormat(), UN).header().getAnnouncementId();

        assertThat(Imported.prepared(new UnXmlFormat(), copy).header().getAnnouncementId())
                .isEqualTo(original);
        Files.writeString(copy, Files.readString(copy).replace("Ahmed el Tilemsi", "Ahmed el Tilemsy"));
        assertThat(Imported.prepared(new UnXmlFormat(), copy).header().getAnnouncementId())
                .isNotEqualTo(original)
                .startsWith("un-xml-consolidated-2026-02-27-");
    }

    @Test
    void aFileThatChangesBetweenThePassesIsNeverHandedOverWhole() throws IOException {
        Path copy = Files.copy(UN, dir.resolve("changing.xml"));
        // Too large to keep: the entries are read from the file again.
        PreparedSnapshot snapshot = preparedKeeping(copy, 0);
        Files.writeString(copy, Files.readString(copy).replace("Ahmed el Tilemsi", "Someone Else"));
        List<Action> seen = new ArrayList<>();

        assertThatThrownBy(() -> snapshot.forEachEntry(seen::add))
                .isInstanceOf(ListChangedException.class)
                .hasMessageContaining("changed while it was being imported");
    }

    @Test
    void keptEntriesAreExactlyThoseValidatedEvenIfTheFileChangesAfterwards() throws IOException {
        Path copy = Files.copy(UN, dir.resolve("kept.xml"));
        List<Action> fromTheFile = Imported.entries(preparedKeeping(copy, 0));
        PreparedSnapshot snapshot = Imported.prepared(new UnXmlFormat(), copy);
        Files.writeString(copy, Files.readString(copy).replace("Ahmed el Tilemsi", "Someone Else"));

        assertThat(snapshot.encodedSizes())
                .hasValueSatisfying(sizes -> assertThat(sizes).hasSize(fromTheFile.size()));
        assertThat(Imported.entries(snapshot)).isEqualTo(fromTheFile);
    }

    @Test
    void aListOverTheBudgetIsReadAgainAndGivesTheSameEntries() {
        PreparedSnapshot kept = Imported.prepared(new UnXmlFormat(), UN);
        PreparedSnapshot reread = preparedKeeping(UN, 1_000);

        assertThat(kept.encodedSizes()).isPresent();
        assertThat(reread.header()).isEqualTo(kept.header());
        assertThat(Imported.entries(reread)).hasSize(kept.entryCount()).isEqualTo(Imported.entries(kept));
    }

    @Test
    void aListOverTheBudgetIsReadTwiceInAllItsSizesKnownFromTheFirstRead() {
        PreparedSnapshot kept = Imported.prepared(new UnXmlFormat(), UN);
        CountingFormat counting = new CountingFormat(new UnXmlFormat());
        ListImport.Result result = ListImport.prepare(counting, List.of(UN), ListImport.Options.defaults(), 1_000);
        PreparedSnapshot reread = result.snapshot().orElseThrow();

        // What a publisher asks for: the sizes, to split the parts, then the entries, to send them.
        int[] sizes = reread.encodedSizes().orElseThrow();
        List<Action> sent = Imported.entries(reread);

        assertThat(counting.reads).as("reads of the file in all").isEqualTo(2);
        assertThat(sizes).isEqualTo(kept.encodedSizes().orElseThrow()).hasSize(kept.entryCount());
        assertThat(sent).isEqualTo(Imported.entries(kept));
    }

    @Test
    void anEntryThatChangedSizeIsRefusedBeforeItIsHandedOver() throws IOException {
        Path copy = Files.copy(UN, dir.resolve("resized.xml"));
        PreparedSnapshot snapshot = preparedKeeping(copy, 0);
        Files.writeString(copy, Files.readString(copy).replace("Ahmed el Tilemsi", "Ahmed el Tilemsi the Longer"));
        List<Action> seen = new ArrayList<>();

        assertThatThrownBy(() -> snapshot.forEachEntry(seen::add))
                .isInstanceOf(ListChangedException.class)
                .hasMessageContaining("changed while it was being imported")
                .hasMessageContaining("line ");
        assertThat(seen).noneMatch(entry -> entry.toString().contains("the Longer"));
    }

    private static PreparedSnapshot preparedKeeping(Path file, long keepBytes) {
        ListImport.Result result =
                ListImport.prepare(new UnXmlFormat(), List.of(file), ListImport.Options.defaults(), keepBytes);
        assertThat(result.problems()).isEmpty();
        return result.snapshot().orElseThrow();
    }

    /** A format that counts how often its files are read. */
    private static final class CountingFormat implements ListFormat {
        private final ListFormat format;
        int reads;

        CountingFormat(ListFormat format) {
            this.format = format;
        }

        @Override
        public String name() {
            return format.name();
        }

        @Override
        public String authority() {
            return format.authority();
        }

        @Override
        public String jurisdiction() {
            return format.jurisdiction();
        }

        @Override
        public String title(String list) {
            return format.title(list);
        }

        @Override
        public String sourceUrl(String list) {
            return format.sourceUrl(list);
        }

        @Override
        public ListMetadata read(List<Path> files, Optional<String> list, EntrySink sink) throws ListFileException {
            reads++;
            return format.read(files, list, sink);
        }
    }

    @Test
    void whatTheConsumerThrowsComesOutUnchanged() {
        IllegalStateException failure = new IllegalStateException("broker gone");

        for (PreparedSnapshot snapshot : List.of(Imported.prepared(new UnXmlFormat(), UN), preparedKeeping(UN, 0))) {
            assertThatThrownBy(() -> snapshot.forEachEntry(entry -> {
                        throw failure;
                    }))
                    .isSameAs(failure);
        }
    }

    @Test
    void aFractionOutsideZeroToOneIsABadOption() {
        ListImport.Result result = ListImport.prepare(
                new UnXmlFormat(), List.of(UN), new ListImport.Options(Optional.empty(), Optional.empty(), 1.5));

        assertThat(result.problems())
                .extracting(ImportProblem::format)
                .containsExactly(UN + ":0: snapshot.maxDelistFraction: must be between 0 and 1, got 1.5");
    }
}
