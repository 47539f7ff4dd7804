package dev.sanctions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sanctions import without a broker: usage, bad files, --dry-run. */
class ImportCommandTest {
    private static final Path UN = Path.of("src/test/resources/formats/un-consolidated.xml");
    private static final Path OFAC = Path.of("src/test/resources/formats/ofac-csv");
    /** Nothing listens here: a command that tried to publish would fail with exit 1. */
    private static final String NO_BROKER = "127.0.0.1:1";

    @TempDir
    Path dir;

    @Test
    void helpNamesTheFormatsAndTheOptions() {
        CliRun run = CliRun.of("import", "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains("ofac-csv", "ofac-xml", "un-xml", "eu-xml")
                .contains("--dry-run", "--max-delist", "--published-at", "--list");
    }

    @Test
    void anUnknownFormatIsBadInput() {
        CliRun run = CliRun.of("import", "csv", UN.toString(), "--bootstrap-servers", NO_BROKER);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("unknown FORMAT 'csv': choose one of ofac-csv, ofac-xml, un-xml, eu-xml");
    }

    @Test
    void aFractionOutsideZeroToOneOrAnUnreadableInstantIsBadInput() {
        CliRun fraction = CliRun.of("import", "un-xml", UN.toString(), "--max-delist", "1.5");
        assertThat(fraction.code()).isEqualTo(2);
        assertThat(fraction.err()).contains("--max-delist: must be a fraction from 0 to 1, got 1.5");

        CliRun instant = CliRun.of("import", "ofac-csv", OFAC.toString(), "--published-at", "yesterday");
        assertThat(instant.code()).isEqualTo(2);
        assertThat(instant.err()).contains("'yesterday' is not an instant");
        assertThat(CliRun.of("import", "un-xml").code()).isEqualTo(2);
    }

    @Test
    void dryRunCountsTheEntriesAndSaysWhichDateItUsed() {
        CliRun run = CliRun.of("import", "un-xml", UN.toString(), "--dry-run", "--bootstrap-servers", NO_BROKER);

        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains("read un-xml: 7 entries of UN-SC list CONSOLIDATED (4 persons, 3 organizations)")
                .contains("publishedAt 2026-02-27T00:00:09.554Z (the file's own date)")
                .containsPattern("announcementId un-xml-consolidated-2026-02-27-[0-9a-f]{16}")
                .contains("nothing published (--dry-run)")
                .endsWith("no preview against the current state: the cluster at " + NO_BROKER
                        + " did not answer within 5 s; validated only." + System.lineSeparator());
    }

    @Test
    void aFileWithoutADateTakesPublishedAtAndSaysSo() {
        CliRun run = CliRun.of("import", "ofac-csv", OFAC.toString(), "--dry-run", "--published-at", "2021-06-01");

        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains("read ofac-csv: 26 entries of US-OFAC list SDN (10 persons, 10 organizations, 4 vessels,"
                        + " 2 aircraft)")
                .contains("publishedAt 2021-06-01T00:00:00Z (--published-at)");
    }

    @Test
    void aBadFileExitsTwoWithItsProblemsAndPublishesNothing() throws IOException {
        Path cut = dir.resolve("un.xml");
        List<String> lines = Files.readAllLines(UN);
        Files.write(cut, lines.subList(0, 100));

        CliRun run = CliRun.of("import", "un-xml", cut.toString(), "--bootstrap-servers", NO_BROKER);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err())
                .startsWith(cut + ":")
                .contains("incomplete")
                .contains("1 problem found; nothing was published")
                .doesNotContain("Exception");
    }

    @Test
    void anXxeFileIsBadInputNotACrash() throws IOException {
        Path xxe = Files.writeString(dir.resolve("xxe.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE x [ <!ENTITY e SYSTEM "file:///etc/passwd"> ]>
                <CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:00Z">&e;</CONSOLIDATED_LIST>
                """);

        CliRun run = CliRun.of("import", "un-xml", xxe.toString(), "--bootstrap-servers", NO_BROKER);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith(xxe + ":2: a DOCTYPE is not allowed").doesNotContain("root:");
    }
}
