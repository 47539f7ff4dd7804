package dev.sanctions.producer;

import static dev.sanctions.producer.AnnouncementFilesTest.announcement;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MalformedJsonTest {

    @TempDir
    Path dir;

    @Test
    void aSyntaxErrorIsReportedAtTheParsersLineAfterWhatWasFoundBefore() throws IOException {
        Path file = write("a.json", """
                {
                  "announcementId": "a",
                  "authority": "JP-MOFA",
                  "titel": "t",
                  "actions": [
                    {"action": "DELIST" "target": {"id": "X"}}
                  ]
                }
                """);

        Batch batch = AnnouncementFiles.read(List.of(file));

        assertThat(batch.problems())
                .extracting(Problem::format)
                .satisfiesExactly(
                        unknown -> assertThat(unknown).startsWith(file + ":4: titel: unknown field 'titel'"),
                        syntax -> assertThat(syntax)
                                .startsWith(file + ":6: json: malformed JSON: Unexpected character ('\"'"));
        assertThat(batch.announcements()).isEmpty();
    }

    @Test
    void aFileCutShortIsReportedAtItsEnd() throws IOException {
        Path file = write("a.json", "[\n" + announcement("a") + ",\n{\"announcementId\": \"b\",\n");

        Batch batch = AnnouncementFiles.read(List.of(file));

        assertThat(batch.problems())
                .extracting(Problem::line, Problem::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "json"));
        assertThat(batch.problems().get(0).message()).startsWith("malformed JSON: Unexpected end-of-input");
        assertThat(batch.problems().get(0).format()).doesNotContain("\n");
    }

    @Test
    void aJsonLinesFileGoesOnAfterABadLine() throws IOException {
        Path file = write(
                "a.jsonl",
                announcement("a") + "\n"
                        + "{\"announcementId\": \"b\",, }\n"
                        + announcement("c") + "\n"
                        + announcement("d").replace("\"title\"", "\"tilte\"") + "\n");

        Batch batch = AnnouncementFiles.read(List.of(file));

        assertThat(batch.problems())
                .extracting(Problem::line, Problem::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "json"),
                        org.assertj.core.groups.Tuple.tuple(4, "tilte"),
                        org.assertj.core.groups.Tuple.tuple(4, "title"));
        assertThat(batch.announcements())
                .extracting(p -> p.announcement().getAnnouncementId())
                .containsExactly("a", "c");
    }

    @Test
    void jsonLinesHoldOneObjectPerLine() throws IOException {
        Path file =
                write("a.jsonl", "[" + announcement("a") + "]\n" + announcement("b") + " " + announcement("c") + "\n");

        Batch batch = AnnouncementFiles.read(List.of(file));

        assertThat(batch.problems())
                .extracting(Problem::format)
                .containsExactly(
                        file + ":1: json: expected one announcement object per line, found an array",
                        file
                                + ":2: json: unexpected content after the announcement object (JSON Lines hold one object per line)");
    }

    @Test
    void anArrayHoldsOnlyAnnouncementObjects() throws IOException {
        Path file = write("a.json", "[\n" + announcement("a") + ",\n\"b\",\n[]\n]\n");

        Batch batch = AnnouncementFiles.read(List.of(file));

        assertThat(batch.problems())
                .extracting(Problem::format)
                .containsExactly(
                        file + ":3: json: expected an announcement object, found a string",
                        file + ":4: json: expected an announcement object, found an array");
    }

    @Test
    void aDocumentIsOneValue() throws IOException {
        Path empty = write("empty.json", "\n");
        Path scalar = write("scalar.json", "\n42\n");
        Path twice = write("twice.json", announcement("a") + "\n" + announcement("b") + "\n");

        Batch batch = AnnouncementFiles.read(List.of(empty, scalar, twice));

        assertThat(batch.problems())
                .extracting(Problem::format)
                .containsExactly(
                        empty + ":1: json: the file is empty: expected an announcement object or an array of them",
                        scalar + ":2: json: expected an announcement object or an array of them, found a number",
                        twice + ":2: json: unexpected content after the end of the JSON value");
    }

    @Test
    void invalidUtf8IsMalformed() throws IOException {
        Path file = dir.resolve("a.jsonl");
        byte[] bad = announcement("a").replace("\"t\"", "\"t\u00e9\"").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, bad);

        Batch batch = AnnouncementFiles.read(List.of(file));

        assertThat(batch.problems())
                .extracting(Problem::line, Problem::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "json"));
        assertThat(batch.problems().get(0).message()).containsIgnoringCase("UTF-8");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
