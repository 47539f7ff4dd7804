package dev.sanctions.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.AnnouncementReceipt;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The meters a receipt moves: announcements, and actions by outcome; every outcome there from the start. */
class ProcessorMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProcessorMeters meters = new ProcessorMeters(registry);

    private double actions(String outcome) {
        return registry.get("sanctions.actions")
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    @Test
    void aReceiptCountsOneAnnouncementAndItsActionsByOutcome() {
        assertThat(actions("delisted")).isZero();

        meters.receipt(receipt(3, 1, 40, 2, 5));
        meters.receipt(receipt(1, 0, 0, 0, 0));

        assertThat(registry.get("sanctions.announcements").counter().count()).isEqualTo(2);
        assertThat(List.of(
                        actions("designated"),
                        actions("amended"),
                        actions("delisted"),
                        actions("unchanged"),
                        actions("rejected")))
                .containsExactly(4.0, 1.0, 40.0, 2.0, 5.0);
    }

    private static AnnouncementReceipt receipt(int designated, int amended, int delisted, int unchanged, int rejected) {
        return AnnouncementReceipt.newBuilder()
                .setAnnouncementId("a1")
                .setAuthority("US-OFAC")
                .setJurisdiction("US")
                .setList("SDN")
                .setPublishedAt(Instant.parse("2024-01-01T00:00:00Z"))
                .setActions(designated + amended + unchanged + rejected)
                .setDesignated(designated)
                .setAmended(amended)
                .setDelisted(delisted)
                .setUnchanged(unchanged)
                .setRejected(rejected)
                .setRejections(List.of())
                .build();
    }
}
