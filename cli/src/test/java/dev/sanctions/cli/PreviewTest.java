package dev.sanctions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Announcement;
import dev.sanctions.core.LogFold;
import dev.sanctions.producer.AnnouncementFiles;
import dev.sanctions.producer.Batch;
import dev.sanctions.producer.ParsedAnnouncement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview of the dry runs against current states held in memory, folded by core's fold. */
class PreviewTest {

    @TempDir
    Path dir;

    private int files;

    @Test
    void eachActionSaysWhatTheFoldWouldDoWithIt() throws IOException {
        CurrentState.Known known = stateAfter(announcement(
                "jp-1",
                "2022-04-08T10:00:00+09:00",
                designate("RU-P-1", "Ivan", "[\"ASSET_FREEZE\"]"),
                designate("RU-P-2", "Olga", "[\"ASSET_FREEZE\"]"),
                designate("RU-P-3", "Anna", "[\"ASSET_FREEZE\"]")));

        Preview preview = Preview.of(
                known,
                read(announcement(
                        "jp-2",
                        "2022-05-10T10:00:00+09:00",
                        "{\"action\":\"AMEND\",\"target\":{\"id\":\"RU-P-1\",\"aliases\":[\"Vanya\"]},"
                                + "\"measures\":[\"ASSET_FREEZE\",\"TRAVEL_BAN\"]}",
                        "{\"action\":\"DELIST\",\"target\":{\"id\":\"RU-P-2\"}}",
                        "{\"action\":\"AMEND\",\"target\":{\"id\":\"RU-P-3\",\"name\":\"Anna\"}}",
                        "{\"action\":\"AMEND\",\"target\":{\"id\":\"RU-P-9\",\"name\":\"X\"}}",
                        designate("RU-P-2", "Olga", "[\"ASSET_FREEZE\"]"),
                        designate("RU-P-4", "Boris", "[\"ASSET_FREEZE\"]"))));

        assertThat(preview.compared()).isTrue();
        assertThat(preview.actionLines(0))
                .containsExactly(
                        "  #0 JP-MOFA/RU-P-1: AMENDED measures, target.aliases",
                        "  #1 JP-MOFA/RU-P-2: DELISTED",
                        "  #2 JP-MOFA/RU-P-3: unchanged",
                        "  #3 JP-MOFA/RU-P-9: rejected UNKNOWN_DESIGNATION: " + messageOf(preview, 3),
                        "  #4 JP-MOFA/RU-P-2: DESIGNATED (relisting)",
                        "  #5 JP-MOFA/RU-P-4: DESIGNATED");
        assertThat(preview.closing()).isEqualTo(Preview.ADVISORY);
    }

    @Test
    void anIdTheAuthorityAlreadyUsedIsADuplicateAndLaterAnnouncementsSeeTheEarlierOnes() throws IOException {
        CurrentState.Known empty = new CurrentState.Known(List.of(), Map.of("JP-MOFA", Set.of("jp-1")), Map.of());
        List<Announcement> batch = new ArrayList<>(read(
                announcement("jp-1", "2022-04-08T10:00:00+09:00", designate("RU-P-1", "Ivan", "[\"ASSET_FREEZE\"]"))));
        batch.addAll(read(
                announcement("jp-2", "2022-04-09T10:00:00+09:00", designate("RU-P-1", "Ivan", "[\"ASSET_FREEZE\"]"))));
        batch.addAll(read(announcement(
                "jp-3", "2022-04-10T10:00:00+09:00", "{\"action\":\"DELIST\",\"target\":{\"id\":\"RU-P-1\"}}")));

        Preview preview = Preview.of(empty, batch);

        assertThat(preview.actionLines(0)).singleElement().asString().startsWith("  rejected DUPLICATE_ANNOUNCEMENT: ");
        assertThat(preview.actionLines(1)).containsExactly("  #0 JP-MOFA/RU-P-1: DESIGNATED");
        assertThat(preview.actionLines(2)).containsExactly("  #0 JP-MOFA/RU-P-1: DELISTED");
    }

    @Test
    void aListCutToAThirdIsRefusedByTheGuardWithWhatItWouldOtherwiseDo() throws IOException {
        CurrentState.Known known = stateAfter(snapshot("sdn-1", "2024-01-01T00:00:00Z", 0.25, 0, 6));

        Preview preview = Preview.of(known, read(snapshot("sdn-2", "2024-02-01T00:00:00Z", 0.25, 0, 2)));

        assertThat(preview.snapshotLines())
                .containsExactly(
                        "compared with the current state: past its guard it would designate 0, amend 0, delist 4,"
                                + " leave 2 unchanged; 0 rejected",
                        "the guard would refuse it: SNAPSHOT_GUARD: the snapshot would delist 4 of the 6 ACTIVE"
                                + " designations of US-OFAC list SDN, more than its maxDelistFraction 0.25; the whole"
                                + " snapshot is ignored. Check that the list file is complete; if the delistings are"
                                + " real, publish it again under a new announcementId with a higher"
                                + " maxDelistFraction");
    }

    @Test
    void aSnapshotWithinItsGuardIsCountedAndAnOlderOneIsStale() throws IOException {
        CurrentState.Known known = stateAfter(snapshot("sdn-1", "2024-01-01T00:00:00Z", 0.25, 0, 4));

        Preview newer = Preview.of(known, read(snapshot("sdn-2", "2024-02-01T00:00:00Z", 0.25, 1, 5)));
        assertThat(newer.snapshotLines())
                .containsExactly(
                        "compared with the current state: would designate 1, amend 0, delist 1, leave 3 unchanged;"
                                + " 0 rejected",
                        "the guard would let it through (maxDelistFraction 0.25)");

        CurrentState.Known applied = new CurrentState.Known(
                known.states(),
                Map.of(),
                Map.of(new Preview.ListOf("US-OFAC", "SDN"), Instant.parse("2024-03-01T00:00:00Z")));
        Preview stale = Preview.of(applied, read(snapshot("sdn-2", "2024-02-01T00:00:00Z", 0.25, 1, 5)));
        assertThat(stale.snapshotLines())
                .hasSize(2)
                .last()
                .asString()
                .startsWith("the processor would refuse it: STALE_SNAPSHOT: ");
    }

    /** The states the announcements leave, folded by core's fold, as the designations topic would hold them. */
    private CurrentState.Known stateAfter(String announcementJson) throws IOException {
        LogFold fold = new LogFold();
        read(announcementJson).forEach(fold::apply);
        return new CurrentState.Known(List.copyOf(fold.states().values()), Map.of(), Map.of());
    }

    private static String messageOf(Preview preview, int action) {
        String line = preview.actionLines(0).get(action);
        return line.substring(line.indexOf("UNKNOWN_DESIGNATION: ") + "UNKNOWN_DESIGNATION: ".length());
    }

    private List<Announcement> read(String json) throws IOException {
        Path file = dir.resolve("a" + files++ + ".json");
        Files.writeString(file, json);
        Batch batch = AnnouncementFiles.read(List.of(file));
        assertThat(batch.problems()).isEmpty();
        return batch.announcements().stream()
                .map(ParsedAnnouncement::announcement)
                .toList();
    }

    private static String announcement(String id, String publishedAt, String... actions) {
        return "{\"announcementId\":\"" + id + "\",\"authority\":\"JP-MOFA\",\"jurisdiction\":\"JP\",\"publishedAt\":\""
                + publishedAt + "\",\"title\":\"t\",\"actions\":[" + String.join(",", actions) + "]}";
    }

    private static String designate(String id, String name, String measures) {
        return "{\"action\":\"DESIGNATE\",\"target\":{\"id\":\"" + id + "\",\"kind\":\"PERSON\",\"name\":\"" + name
                + "\"},\"measures\":" + measures + "}";
    }

    /** A snapshot of US-OFAC's SDN list naming the entries SDN-from ... SDN-(to - 1). */
    private static String snapshot(String id, String publishedAt, double maxDelist, int from, int to) {
        String entries = IntStream.range(from, to)
                .mapToObj(i -> "{\"action\":\"DESIGNATE\",\"target\":{\"id\":\"SDN-" + i
                        + "\",\"kind\":\"PERSON\",\"name\":\"Person " + i + "\"},\"measures\":[\"ASSET_FREEZE\"]}")
                .collect(Collectors.joining(","));
        return "{\"announcementId\":\"" + id + "\",\"authority\":\"US-OFAC\",\"jurisdiction\":\"US\",\"publishedAt\":\""
                + publishedAt + "\",\"title\":\"t\",\"snapshot\":{\"list\":\"SDN\",\"maxDelistFraction\":" + maxDelist
                + "},\"actions\":[" + entries + "]}";
    }
}
