package dev.sanctions.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Address;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.Identifier;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnouncementFilesTest {

    private static final Path EXAMPLES = Path.of("src/test/resources/announcements");

    @TempDir
    Path dir;

    @Test
    void mapsTheSpecExampleToAvro() {
        Path file = EXAMPLES.resolve("10-spec-example.json");

        Batch batch = AnnouncementFiles.read(List.of(file));

        assertThat(batch.problems()).isEmpty();
        Announcement expected = Announcement.newBuilder()
                .setAnnouncementId("jp-mofa-2022-04-08-ru")
                .setAuthority("JP-MOFA")
                .setJurisdiction("JP")
                .setPublishedAt(Instant.parse("2022-04-08T01:00:00Z"))
                .setEffectiveFrom("2022-04-12")
                .setTitle("Asset freeze on 25 individuals and export ban on 81 entities related to Russia")
                .setSummary("optional free text")
                .setLegalBasis("Foreign Exchange and Foreign Trade Act")
                .setSourceUrl("https://www.mofa.go.jp/...")
                .setActions(List.of(new Action(
                        ActionType.DESIGNATE,
                        Target.newBuilder()
                                .setId("RU-P-0425")
                                .setKind(TargetKind.PERSON)
                                .setName("Ramzan Akhmatovich Kadyrov")
                                .setAliases(List.of("Рамзан Ахматович Кадыров"))
                                .setBirthDates(List.of("1976-10-05"))
                                .setNationalities(List.of("RU"))
                                .setPosition("Head of the Chechen Republic")
                                .setIdentifiers(List.of(new Identifier("PASSPORT", "0000000", "RU")))
                                .setAddresses(List.of(new Address("Grozny", "RU")))
                                .setRemarks(null)
                                .build(),
                        List.of(
                                new Measure(MeasureType.ASSET_FREEZE, null),
                                new Measure(MeasureType.TRAVEL_BAN, "entry ban")),
                        List.of("RUSSIA-UKRAINE"),
                        "optional free text")))
                .build();
        assertThat(batch.announcements()).containsExactly(new ParsedAnnouncement(file, 1, expected));
    }

    @Test
    void aDirectoryMeansItsJsonAndJsonLinesFilesInNameOrder() throws IOException {
        Batch batch = AnnouncementFiles.read(List.of(EXAMPLES));

        assertThat(batch.problems()).isEmpty();
        assertThat(batch.announcements())
                .extracting(
                        p -> p.file().getFileName().toString(),
                        ParsedAnnouncement::line,
                        p -> p.announcement().getAnnouncementId())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("10-spec-example.json", 1, "jp-mofa-2022-04-08-ru"),
                        org.assertj.core.groups.Tuple.tuple("20-follow-ups.json", 2, "jp-mofa-2022-05-10-ru"),
                        org.assertj.core.groups.Tuple.tuple("20-follow-ups.json", 21, "jp-mofa-2023-01-27-ru"),
                        org.assertj.core.groups.Tuple.tuple("30-other-authorities.jsonl", 1, "us-ofac-2022-03-11"),
                        org.assertj.core.groups.Tuple.tuple("30-other-authorities.jsonl", 3, "eu-council-2022-02-28"));
        // Files in a directory are named through the directory as the user typed it.
        assertThat(batch.announcements().get(0).file()).isEqualTo(EXAMPLES.resolve("10-spec-example.json"));
    }

    @Test
    void skipsHiddenAndOtherFilesAndSubdirectoriesOfADirectory() throws IOException {
        write("b.json", announcement("b"));
        write("a.jsonl", announcement("a"));
        write(".a.json.swp.json", "{");
        write("notes.txt", "not an announcement");
        Files.createDirectory(dir.resolve("sub.json"));

        Batch batch = AnnouncementFiles.read(List.of(dir));

        assertThat(batch.problems()).isEmpty();
        assertThat(batch.announcements())
                .extracting(p -> p.announcement().getAnnouncementId())
                .containsExactly("a", "b");
    }

    @Test
    void effectiveFromDefaultsToTheDateOfPublicationInItsOwnOffset() throws IOException {
        Path file = write("a.json", """
                {"announcementId": "a", "authority": "JP-MOFA", "jurisdiction": "JP",
                 "publishedAt": "2022-04-08T08:00:00+09:00", "title": "t",
                 "actions": [{"action": "DELIST", "target": {"id": "X"}}]}
                """);

        Announcement a = only(AnnouncementFiles.read(List.of(file)));

        // 2022-04-07T23:00Z in UTC, but the authority published on the 8th.
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2022-04-07T23:00:00Z"));
        assertThat(a.getEffectiveFrom()).isEqualTo("2022-04-08");
    }

    @Test
    void anEffectiveFromInstantIsNormalisedToUtc() throws IOException {
        Path file = write("a.json", """
                {"announcementId": "a", "authority": "JP-MOFA", "jurisdiction": "JP",
                 "publishedAt": "2022-04-08T10:00:00.123456+09:00", "effectiveFrom": "2022-04-12T00:00:00+09:00",
                 "title": "t", "actions": [{"action": "DELIST", "target": {"id": "X"}}]}
                """);

        Announcement a = only(AnnouncementFiles.read(List.of(file)));

        assertThat(a.getEffectiveFrom()).isEqualTo("2022-04-11T15:00:00Z");
        // The topic keeps milliseconds (timestamp-millis, the record timestamp).
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2022-04-08T01:00:00.123Z"));
    }

    @Test
    void nullMeansAbsentAndListsKeepTheirOrder() throws IOException {
        Path file = write("a.json", """
                {"announcementId": "a", "authority": "JP-MOFA", "jurisdiction": "JP",
                 "publishedAt": "2022-04-08T10:00:00Z", "effectiveFrom": null, "title": "t", "summary": null,
                 "actions": [{"action": "AMEND", "target": {"id": "X", "kind": null, "aliases": ["z", "a", "m"]},
                              "measures": [{"type": "EXPORT_BAN", "detail": null}, "ASSET_FREEZE"], "programs": null}]}
                """);

        Announcement a = only(AnnouncementFiles.read(List.of(file)));

        assertThat(a.getEffectiveFrom()).isEqualTo("2022-04-08");
        assertThat(a.getSummary()).isNull();
        Action action = a.getActions().get(0);
        assertThat(action.getTarget().getKind()).isNull();
        assertThat(action.getTarget().getAliases()).containsExactly("z", "a", "m");
        assertThat(action.getMeasures())
                .containsExactly(
                        new Measure(MeasureType.EXPORT_BAN, null), new Measure(MeasureType.ASSET_FREEZE, null));
        assertThat(action.getPrograms()).isNull();
    }

    @Test
    void reportsEveryProblemOfAFileInLineOrderAndNamesTheFileAsGiven() {
        Path file = Path.of("src/test/resources/invalid/round-3.jsonl");

        Batch batch = AnnouncementFiles.read(List.of(file));

        assertThat(batch.problems())
                .extracting(Problem::format)
                .containsExactly("src/test/resources/invalid/round-3.jsonl:2: actions[2].target.name: "
                        + "required for DESIGNATE, must not be blank");
        assertThat(batch.announcements())
                .extracting(p -> p.announcement().getAnnouncementId())
                .containsExactly("jp-mofa-2022-04-20-ru");
    }

    @Test
    void reportsSeveralProblemsOfOneAnnouncement() throws IOException {
        Path file = write("a.json", """
                {
                  "announcementId": "a",
                  "authority": "JP-MOFA",
                  "jurisdiction": "XX",
                  "publishedAt": "yesterday",
                  "title": "t",
                  "actions": [
                    {"action": "DESIGNATE", "target": {"id": "X", "kind": "PERSON", "nmae": "n"}, "measures": []}
                  ]
                }
                """);

        Batch batch = AnnouncementFiles.read(List.of(file));

        assertThat(batch.problems())
                .extracting(Problem::line, Problem::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4, "jurisdiction"),
                        org.assertj.core.groups.Tuple.tuple(5, "publishedAt"),
                        org.assertj.core.groups.Tuple.tuple(8, "actions[0].target.nmae"),
                        org.assertj.core.groups.Tuple.tuple(8, "actions[0].target.name"),
                        org.assertj.core.groups.Tuple.tuple(8, "actions[0].measures"));
        assertThat(batch.problems().get(2).message()).startsWith("unknown field 'nmae', did you mean 'name'?");
    }

    @Test
    void anAnnouncementIdUsedTwiceByOneAuthorityIsReportedAtBothPlaces() throws IOException {
        Path first = write("first.jsonl", announcement("a") + "\n" + announcement("b") + "\n");
        Path second = write("second.json", announcement("b"));
        Path other = write("other.json", announcement("a").replace("JP-MOFA", "JP-METI"));

        Batch batch = AnnouncementFiles.read(List.of(first, second, other));

        assertThat(batch.problems())
                .extracting(Problem::format)
                .containsExactly(
                        first + ":2: announcementId: 'b' is used more than once by JP-MOFA (also at " + second
                                + ":1); an "
                                + "authority's announcement ids are unique forever, and the processor would ignore the repeat",
                        second + ":1: announcementId: 'b' is used more than once by JP-MOFA (also at " + first
                                + ":2); an "
                                + "authority's announcement ids are unique forever, and the processor would ignore the repeat");
        // Another authority may use the same id.
        assertThat(batch.announcements())
                .extracting(p ->
                        p.announcement().getAuthority() + "/" + p.announcement().getAnnouncementId())
                .containsExactly("JP-MOFA/a", "JP-METI/a");
    }

    @Test
    void aMissingFileOrAnEmptyDirectoryIsAProblemNotAnException() throws IOException {
        Path missing = dir.resolve("missing.json");
        Path empty = Files.createDirectory(dir.resolve("empty"));

        Batch batch = AnnouncementFiles.read(List.of(missing, empty));

        assertThat(batch.problems())
                .extracting(Problem::format)
                .containsExactly(
                        missing + ":0: file: no such file",
                        empty + ":0: file: the directory holds no .json or .jsonl files");
    }

    private static Announcement only(Batch batch) {
        assertThat(batch.problems()).isEmpty();
        assertThat(batch.announcements()).hasSize(1);
        return batch.announcements().get(0).announcement();
    }

    static String announcement(String id) {
        return "{\"announcementId\": \"" + id + "\", \"authority\": \"JP-MOFA\", \"jurisdiction\": \"JP\", "
                + "\"publishedAt\": \"2022-04-08T10:00:00+09:00\", \"title\": \"t\", "
                + "\"actions\": [{\"action\": \"DELIST\", \"target\": {\"id\": \"X\"}}]}";
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
