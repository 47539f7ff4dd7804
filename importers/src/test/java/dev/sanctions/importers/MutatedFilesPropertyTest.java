package dev.sanctions.importers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.importers.euxml.EuXmlFormat;
import dev.sanctions.importers.ofaccsv.OfacCsvFormat;
import dev.sanctions.importers.unxml.UnXmlFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Whatever a file's bytes, an import ends in a snapshot or in problem lines: never in an exception. */
class MutatedFilesPropertyTest {

    @Property(tries = 150)
    void aMutatedXmlFileIsASnapshotOrProblemsNeverAnException(
            @ForAll @IntRange(min = 0, max = 23_000) int at,
            @ForAll @IntRange(min = 0, max = 255) int value,
            @ForAll @IntRange(min = 0, max = 2) int how,
            @ForAll boolean eu)
            throws IOException {
        Path original = Imported.FORMATS.resolve(eu ? "eu-fsf.xml" : "un-consolidated.xml");
        Path file = mutated(original, at, value, how, ".xml");
        try {
            ListImport.Result result = ListImport.prepare(
                    eu ? new EuXmlFormat() : new UnXmlFormat(), List.of(file), ListImport.Options.defaults());
            assertThat(result.valid() || !result.problems().isEmpty()).isTrue();
            result.problems().forEach(p -> assertThat(p.format()).startsWith(file + ":"));
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 100)
    void aMutatedSdnCsvIsASnapshotOrProblemsNeverAnException(
            @ForAll @IntRange(min = 0, max = 8_000) int at,
            @ForAll @IntRange(min = 0, max = 255) int value,
            @ForAll @IntRange(min = 0, max = 2) int how)
            throws IOException {
        Path dir = Files.createTempDirectory("ofac-mutated-");
        Path csv = Imported.FORMATS.resolve("ofac-csv");
        Files.copy(csv.resolve("add.csv"), dir.resolve("add.csv"));
        Files.copy(csv.resolve("alt.csv"), dir.resolve("alt.csv"));
        Path sdn = mutated(csv.resolve("sdn.csv"), at, value, how, ".csv");
        Files.move(sdn, dir.resolve("sdn.csv"));
        try {
            ListImport.Result result =
                    ListImport.prepare(new OfacCsvFormat(), List.of(dir), ListImport.Options.defaults());
            assertThat(result.valid() || !result.problems().isEmpty()).isTrue();
        } finally {
            for (String name : List.of("sdn.csv", "add.csv", "alt.csv")) {
                Files.delete(dir.resolve(name));
            }
            Files.delete(dir);
        }
    }

    /** The file with one byte replaced (how 0), removed (1), or the file cut there (2). */
    private static Path mutated(Path original, int at, int value, int how, String suffix) throws IOException {
        byte[] bytes = Files.readAllBytes(original);
        int i = Math.min(at, bytes.length - 1);
        byte[] changed;
        if (how == 0) {
            changed = bytes.clone();
            changed[i] = (byte) value;
        } else if (how == 1) {
            changed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 0, changed, 0, i);
            System.arraycopy(bytes, i + 1, changed, i, bytes.length - i - 1);
        } else {
            changed = java.util.Arrays.copyOf(bytes, i);
        }
        Path file = Files.createTempFile("mutated-", suffix);
        Files.write(file, changed);
        return file;
    }
}
