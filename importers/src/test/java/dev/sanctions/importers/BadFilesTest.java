package dev.sanctions.importers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.importers.euxml.EuXmlFormat;
import dev.sanctions.importers.ofaccsv.OfacCsvFormat;
import dev.sanctions.importers.ofacxml.OfacXmlFormat;
import dev.sanctions.importers.unxml.UnXmlFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed, truncated and hostile files: problems as FILE:LINE: message, no snapshot, never an exception. */
class BadFilesTest {
    private static final Path UN = Imported.FORMATS.resolve("un-consolidated.xml");
    private static final Path OFAC_CSV = Imported.FORMATS.resolve("ofac-csv");

    @TempDir
    Path dir;

    @Test
    void externalEntitiesAreRefused() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET");
        Path xxe = Files.writeString(dir.resolve("xxe.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE CONSOLIDATED_LIST [ <!ENTITY xxe SYSTEM "%s"> ]>
                <CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:00Z"><INDIVIDUALS><INDIVIDUAL>
                <FIRST_NAME>&xxe;</FIRST_NAME><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER>
                </INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
                """.formatted(secret.toUri()));

        List<String> problems = Imported.problems(new UnXmlFormat(), xxe);

        assertThat(problems).singleElement().asString().startsWith(xxe + ":2: ").contains("DOCTYPE is not allowed");
        assertThat(String.join("\n", problems)).doesNotContain("SECRET");
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [ <!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        Path laughs = Files.writeString(
                dir.resolve("laughs.xml"),
                "<?xml version=\"1.0\"?>\n" + dtd + "\n<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\""
                        + " generationDate=\"2026-01-01T00:00:00Z\" globalFileId=\"1\">&lol9;</export>\n");

        assertThat(Imported.problems(new EuXmlFormat(), laughs))
                .singleElement()
                .asString()
                .startsWith(laughs + ":2: ")
                .contains("DOCTYPE is not allowed");
    }

    @Test
    void aTruncatedFileSaysWhereItEnds() throws IOException {
        List<String> lines = Files.readAllLines(UN);
        Path cut = Files.write(dir.resolve("un-cut.xml"), lines.subList(0, lines.size() / 2));

        assertThat(Imported.problems(new UnXmlFormat(), cut))
                .singleElement()
                .asString()
                .matches(java.util.regex.Pattern.quote(cut.toString()) + ":\\d+: .*")
                .contains("incomplete");
    }

    @Test
    void malformedXmlGivesTheLine() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:00Z">
                <INDIVIDUALS><INDIVIDUAL><FIRST_NAME>A</SECOND_NAME>
                </INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
                """);

        assertThat(Imported.problems(new UnXmlFormat(), broken))
                .singleElement()
                .asString()
                .startsWith(broken + ":3: malformed XML: ");
    }

    @Test
    void bytesThatAreNotTheDeclaredEncodingAreABadFile() throws IOException {
        byte[] head =
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2026-02-27T00:00:00Z\">\n"
                                + "<INDIVIDUALS><INDIVIDUAL><FIRST_NAME>Jos")
                        .getBytes(StandardCharsets.US_ASCII);
        byte[] tail =
                "</FIRST_NAME><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>\n"
                        .getBytes(StandardCharsets.US_ASCII);
        byte[] latin1 = {(byte) 0xE9};
        Path file = dir.resolve("latin1.xml");
        Files.write(file, concat(head, latin1, tail));

        assertThat(Imported.problems(new UnXmlFormat(), file))
                .singleElement()
                .asString()
                .startsWith(file + ":");
    }

    @Test
    void anotherRootIsTheWrongFile() {
        assertThat(Imported.problems(new EuXmlFormat(), UN))
                .singleElement()
                .asString()
                .startsWith(UN + ":2: the root element is <CONSOLIDATED_LIST>, expected <export>");
        assertThat(Imported.problems(new OfacXmlFormat(), Imported.FORMATS.resolve("eu-fsf.xml")))
                .singleElement()
                .asString()
                .contains("cannot tell the list");
    }

    @Test
    void aCsvRowWithTooFewColumnsIsNamedAndNothingElseIsLost() throws IOException {
        Path copy = copyOfacCsv();
        Path sdn = copy.resolve("sdn.csv");
        byte[] original = Files.readAllBytes(sdn);
        String text = new String(original, StandardCharsets.UTF_8);
        int secondLine = text.indexOf("\r\n") + 2;
        String broken = text.substring(0, secondLine) + "6944,\"AL-SHARIF\",\"individual\"\r\n"
                + text.substring(text.indexOf("\r\n", secondLine) + 2);
        Files.writeString(sdn, broken);

        List<String> problems = Imported.problems(new OfacCsvFormat(), copy);

        assertThat(problems)
                .contains(
                        sdn + ":2: the row has 3 fields, sdn.csv rows have 12 (ent_num, SDN_Name,"
                                + " SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks)");
        // Its aliases now belong to no entry: said too, so nobody imports a list that silently lost an entry.
        assertThat(problems).anyMatch(p -> p.contains("ent_num 6944 has no row in sdn.csv"));
    }

    @Test
    void aCsvFileWithoutItsEndMarkWasCutOff() throws IOException {
        Path copy = copyOfacCsv();
        Path sdn = copy.resolve("sdn.csv");
        List<String> lines = Files.readAllLines(sdn);
        Files.writeString(sdn, String.join("\r\n", lines.subList(0, 5)) + "\r\n");

        assertThat(Imported.problems(new OfacCsvFormat(), copy))
                .singleElement()
                .asString()
                .startsWith(sdn + ":6: the file ends without OFAC's end-of-file mark (Ctrl-Z)");
    }

    @Test
    void aCsvCutInsideAQuotedFieldIsCaught() throws IOException {
        Path copy = copyOfacCsv();
        Path sdn = copy.resolve("sdn.csv");
        byte[] bytes = Files.readAllBytes(sdn);
        Files.write(sdn, Arrays.copyOf(bytes, 500));

        assertThat(Imported.problems(new OfacCsvFormat(), copy))
                .singleElement()
                .asString()
                .startsWith(sdn + ":")
                .contains("never closed");
    }

    @Test
    void aCsvInAnotherEncodingIsABadFile() throws IOException {
        Path copy = copyOfacCsv();
        Path alt = copy.resolve("alt.csv");
        Files.write(
                alt,
                concat(
                        "906,46100,\"aka\",\"HAVANA BANCO ".getBytes(StandardCharsets.US_ASCII),
                        new byte[] {(byte) 0xC9},
                        "\",-0- \r\n\u001a".getBytes(StandardCharsets.US_ASCII)));

        assertThat(Imported.problems(new OfacCsvFormat(), copy))
                .singleElement()
                .asString()
                .startsWith(alt + ":1: bytes that are not UTF-8 text");
    }

    @Test
    void aMissingCompanionFileIsNamed() {
        assertThat(Imported.problems(new OfacCsvFormat(), OFAC_CSV.resolve("sdn.csv")))
                .singleElement()
                .asString()
                .contains("add.csv is missing");
    }

    @Test
    void aMissingFileIsABadFileNotACrash() {
        Path missing = dir.resolve("nothing-here.xml");

        assertThat(Imported.problems(new UnXmlFormat(), missing))
                .singleElement()
                .asString()
                .startsWith(missing + ":0: cannot read the file");
    }

    @Test
    void anEntryThatBreaksTheRulesIsReportedWithItsIdAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("un.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:00Z"><INDIVIDUALS>
                <INDIVIDUAL><FIRST_NAME>A</FIRST_NAME><REFERENCE_NUMBER>QD/1</REFERENCE_NUMBER></INDIVIDUAL>
                <INDIVIDUAL><FIRST_NAME>B</FIRST_NAME><REFERENCE_NUMBER>QDi.2</REFERENCE_NUMBER></INDIVIDUAL>
                <INDIVIDUAL><FIRST_NAME>C</FIRST_NAME><REFERENCE_NUMBER>QDi.2</REFERENCE_NUMBER></INDIVIDUAL>
                <INDIVIDUAL><FIRST_NAME></FIRST_NAME><REFERENCE_NUMBER>QDi.3</REFERENCE_NUMBER></INDIVIDUAL>
                </INDIVIDUALS></CONSOLIDATED_LIST>
                """);

        assertThat(Imported.problems(new UnXmlFormat(), file))
                .containsExactly(
                        file + ":3: entry QD/1: target.id: must not contain '/' (it separates authority and target id"
                                + " in keys)",
                        file + ":5: entry QDi.2 appears twice (also at line 4); a snapshot names each target once",
                        file + ":6: entry QDi.3 has no name (FIRST_NAME ... FOURTH_NAME are all empty)");
    }

    @Test
    void aListWithoutEntriesWouldDelistEverythingAndIsRefused() throws IOException {
        Path empty = Files.writeString(
                dir.resolve("empty.xml"),
                "<CONSOLIDATED_LIST dateGenerated=\"2026-02-27T00:00:00Z\"><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>");

        assertThat(Imported.problems(new UnXmlFormat(), empty))
                .singleElement()
                .asString()
                .startsWith(empty + ":0: the list has no entries");
    }

    private Path copyOfacCsv() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("ofac"));
        for (String name : List.of("sdn.csv", "add.csv", "alt.csv")) {
            Files.copy(OFAC_CSV.resolve(name), copy.resolve(name));
        }
        return copy;
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
