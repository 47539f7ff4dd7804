package dev.sanctions.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sanctions.avro.Announcement;
import dev.sanctions.core.AnnouncementSize;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both sides of the largest announcement publish accepts: exactly at the limit, and one byte over it. */
class AnnouncementSizeLimitTest {

    private static final int LIMIT = AnnouncementSize.LIMIT_BYTES;
    private static final String ALIAS = "a".repeat(1_000);
    /** Remarks lengths whose length prefix takes two bytes, so one more character is exactly one more byte. */
    private static final int SHORTEST_REMARKS = 64;

    @TempDir
    Path dir;

    @Test
    void anAnnouncementOfExactlyTheLimitIsValid() throws IOException {
        Path file = fileOfSize(LIMIT);

        Batch batch = AnnouncementFiles.read(List.of(file));

        assertThat(batch.problems()).isEmpty();
        assertThat(AnnouncementSize.of(batch.announcements().get(0).announcement()))
                .isEqualTo(LIMIT);
    }

    @Test
    void oneByteOverTheLimitIsAProblemAtTheAnnouncementsLine() throws IOException {
        Path file = fileOfSize(LIMIT + 1);

        Batch batch = AnnouncementFiles.read(List.of(file));

        assertThat(batch.announcements()).isEmpty();
        assertThat(batch.problems())
                .extracting(Problem::format)
                .containsExactly(file + ":1: announcement: serialized size " + (LIMIT + 1) + " bytes exceeds the limit "
                        + LIMIT + "; split its actions over several announcements");
    }

    @Test
    void thePublisherRefusesAnOversizedAnnouncementBeforeSendingAnything() throws IOException {
        Announcement oversized = read(fileOfSize(LIMIT + 1));
        // No broker: refusing must come before any connection.
        PublisherConfig config =
                PublisherConfig.builder("127.0.0.1:1", "http://127.0.0.1:1").build();

        try (AnnouncementPublisher publisher = new AnnouncementPublisher(config)) {
            assertThatThrownBy(() -> publisher.publish(List.of(oversized)))
                    .isInstanceOf(InvalidAnnouncementsException.class)
                    .hasMessageContaining("announcements[0] (big-1): announcement: serialized size " + (LIMIT + 1)
                            + " bytes exceeds the limit " + LIMIT);
        }
    }

    /**
     * A valid announcement file whose announcement serializes to exactly {@code size} bytes: actions of ten long
     * aliases up to about 90 KB short of the size, then one action whose aliases and remarks fill the rest to the
     * byte.
     */
    private Path fileOfSize(int size) throws IOException {
        long empty = measure(0, 0, SHORTEST_REMARKS);
        long perAction = measure(1, 0, SHORTEST_REMARKS) - empty;
        int full = (int) ((size - 90_000 - empty) / perAction);
        long withoutAliases = measure(full, 0, SHORTEST_REMARKS);
        long perAlias = measure(full, 1, SHORTEST_REMARKS) - withoutAliases;
        int aliases = (int) ((size - 2_000 - withoutAliases) / perAlias);
        long missing = size - measure(full, aliases, SHORTEST_REMARKS);
        return write(full, aliases, SHORTEST_REMARKS + (int) missing);
    }

    private long measure(int fullActions, int aliases, int remarks) throws IOException {
        return AnnouncementSize.of(read(write(fullActions, aliases, remarks)));
    }

    private static Announcement read(Path file) {
        Batch batch = AnnouncementFiles.read(List.of(file));
        if (batch.announcements().isEmpty()) {
            // Over the limit: the reader still measured it, and said so.
            return AnnouncementFileReader.read(file).announcements().get(0).announcement();
        }
        return batch.announcements().get(0).announcement();
    }

    private Path write(int fullActions, int aliases, int remarks) throws IOException {
        List<Map<String, Object>> actions = new ArrayList<>();
        for (int i = 0; i < fullActions; i++) {
            actions.add(action("T-" + i, 10, 0));
        }
        actions.add(action("T-LAST", aliases, remarks));
        Map<String, Object> announcement = new LinkedHashMap<>();
        announcement.put("announcementId", "big-1");
        announcement.put("authority", "JP-MOFA");
        announcement.put("jurisdiction", "JP");
        announcement.put("publishedAt", "2022-04-08T10:00:00+09:00");
        announcement.put("title", "the largest announcement");
        announcement.put("actions", actions);
        Path file = dir.resolve("big.json");
        new ObjectMapper().writeValue(file.toFile(), announcement);
        return file;
    }

    private static Map<String, Object> action(String id, int aliases, int remarks) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("id", id);
        target.put("kind", "PERSON");
        target.put("name", "N");
        target.put(
                "aliases",
                IntStream.range(0, aliases)
                        .mapToObj(i -> (i + ALIAS).substring(0, ALIAS.length()))
                        .toList());
        if (remarks > 0) {
            target.put("remarks", "r".repeat(remarks));
        }
        return Map.of("action", "DESIGNATE", "target", target, "measures", List.of("ASSET_FREEZE"));
    }
}
