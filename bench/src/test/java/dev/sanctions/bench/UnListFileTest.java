package dev.sanctions.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Action;
import dev.sanctions.importers.ListFormats;
import dev.sanctions.importers.ListImport;
import dev.sanctions.importers.PreparedSnapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnListFileTest {

    private static final Instant FIRST = Instant.parse("2026-01-05T00:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-01-06T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theGeneratedListImportsAsTheUnFormatWithEveryEntry() {
        PreparedSnapshot snapshot = imported(write("one.xml", FIRST, 0.0));

        assertThat(snapshot.entryCount()).isEqualTo(2_000);
        assertThat(snapshot.header().getAuthority()).isEqualTo(ImportPhase.AUTHORITY);
        assertThat(snapshot.header().getSnapshot().getList()).isEqualTo(ImportPhase.LIST);
        assertThat(snapshot.header().getPublishedAt()).isEqualTo(FIRST);
        List<Action> entries = entries(snapshot);
        assertThat(entries).extracting(a -> a.getTarget().getId()).doesNotHaveDuplicates();
        assertThat(entries)
                .anySatisfy(a -> assertThat(a.getTarget().getAliases()).isNotEmpty());
    }

    @Test
    void aLaterEditionChangesAboutTheFractionAskedAndKeepsTheRest() {
        List<Action> first = entries(imported(write("one.xml", FIRST, 0.0)));
        List<Action> second = entries(imported(write("two.xml", SECOND, 0.05)));

        int changed = 0;
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).getTarget().getId())
                    .isEqualTo(first.get(i).getTarget().getId());
            if (!second.get(i).equals(first.get(i))) {
                changed++;
                assertThat(aliases(second.get(i))).isEqualTo(aliases(first.get(i)) + 1);
            }
        }
        // 5% of 2,000 is 100; the seed decides which, so allow for chance.
        assertThat(changed).isBetween(60, 140);
    }

    /** An entry without aliases has none (null). */
    private static int aliases(Action entry) {
        List<String> aliases = entry.getTarget().getAliases();
        return aliases == null ? 0 : aliases.size();
    }

    private Path write(String name, Instant generated, double changed) {
        Path file = dir.resolve(name);
        UnListFile.write(file, 2_000, 7, generated, changed);
        return file;
    }

    private static PreparedSnapshot imported(Path file) {
        ListImport.Result result = ListImport.prepare(
                ListFormats.named("un-xml").orElseThrow(), List.of(file), ListImport.Options.defaults());
        assertThat(result.problems()).isEmpty();
        return result.snapshot().orElseThrow();
    }

    private static List<Action> entries(PreparedSnapshot snapshot) {
        List<Action> entries = new ArrayList<>();
        snapshot.forEachEntry(entries::add);
        return entries;
    }
}
