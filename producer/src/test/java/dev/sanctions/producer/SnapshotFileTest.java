package dev.sanctions.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The v1.1 fields in announcement files: list, snapshot, target.birthPlaces, target.listedOn. */
class SnapshotFileTest {
    @TempDir
    Path dir;

    private static String entry(int i) {
        return """
                {"action": "DESIGNATE", "target": {"id": "T-%d", "kind": "PERSON", "name": "Person %d",
                  "birthDates": ["circa 1960", "1958/1960"], "birthPlaces": ["Tabankort, Mali"], "listedOn": "2013-02-22"},
                 "measures": ["ASSET_FREEZE"]}""".formatted(i, i);
    }

    private Path snapshotFile(int entries, String snapshot) throws IOException {
        String actions =
                IntStream.range(0, entries).mapToObj(SnapshotFileTest::entry).collect(Collectors.joining(",\n"));
        return Files.writeString(dir.resolve("snapshot.json"), """
                {"announcementId": "un-sc-2026-02-27", "authority": "UN-SC", "jurisdiction": "UN",
                 "publishedAt": "2026-02-27T00:00:00Z", "title": "UN list", "list": "CONSOLIDATED",
                 "snapshot": %s,
                 "actions": [%s]}
                """.formatted(snapshot, actions));
    }

    @Test
    void aSnapshotWithTheNewTargetFieldsReads() throws IOException {
        Batch batch = AnnouncementFiles.read(
                List.of(snapshotFile(2, "{\"list\": \"CONSOLIDATED\", \"maxDelistFraction\": 0.1}")));

        assertThat(batch.problems()).isEmpty();
        Announcement announcement = batch.announcements().get(0).announcement();
        assertThat(announcement.getList()).isEqualTo("CONSOLIDATED");
        assertThat(announcement.getSnapshot().getList()).isEqualTo("CONSOLIDATED");
        assertThat(announcement.getSnapshot().getMaxDelistFraction()).isEqualTo(0.1);
        assertThat(announcement.getSnapshot().getParts()).isEqualTo(1);
        Target target = announcement.getActions().get(0).getTarget();
        assertThat(target.getBirthPlaces()).containsExactly("Tabankort, Mali");
        assertThat(target.getListedOn()).isEqualTo("2013-02-22");
        assertThat(target.getBirthDates()).containsExactly("circa 1960", "1958/1960");
    }

    @Test
    void theFractionDefaultsAndPartNumbersAreNotTheFilesToGive() throws IOException {
        Batch defaults = AnnouncementFiles.read(List.of(snapshotFile(1, "{\"list\": \"CONSOLIDATED\"}")));
        assertThat(defaults.problems()).isEmpty();
        assertThat(defaults.announcements().get(0).announcement().getSnapshot().getMaxDelistFraction())
                .isEqualTo(0.25);

        Batch withPart = AnnouncementFiles.read(List.of(snapshotFile(1, "{\"list\": \"CONSOLIDATED\", \"part\": 1}")));
        assertThat(withPart.problems())
                .extracting(Problem::format)
                .singleElement()
                .asString()
                .contains("snapshot.part: unknown field 'part'");
    }

    @Test
    void aSnapshotMayHoldMoreThanTenThousandEntries() throws IOException {
        Batch batch = AnnouncementFiles.read(List.of(snapshotFile(12_000, "{\"list\": \"CONSOLIDATED\"}")));

        assertThat(batch.problems()).isEmpty();
        assertThat(batch.announcements().get(0).announcement().getActions()).hasSize(12_000);
    }

    @Test
    void aListedOnThatIsNoDateIsNamed() throws IOException {
        Path file = snapshotFile(1, "{\"list\": \"CONSOLIDATED\"}");
        Files.writeString(file, Files.readString(file).replace("2013-02-22", "22 Feb 2013"));

        assertThat(AnnouncementFiles.read(List.of(file)).problems())
                .extracting(Problem::format)
                .singleElement()
                .asString()
                .contains("actions[0].target.listedOn: must be an ISO date");
    }
}
