package dev.sanctions.core;

import static dev.sanctions.avro.MeasureType.ASSET_FREEZE;
import static dev.sanctions.core.TestData.announcement;
import static dev.sanctions.core.TestData.designate;
import static dev.sanctions.core.TestData.designatePerson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.TargetKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptTallyTest {

    private final Announcement announcement = announcement("a1")
            .actions(
                    designatePerson("P1", "Ivanov"),
                    designate("P2").kind(TargetKind.PERSON).measures(ASSET_FREEZE),
                    designate("P3").kind(TargetKind.PERSON).measures(ASSET_FREEZE))
            .build();

    @Test
    void aReceiptTakenSoFarStaysAsItWasWhileTheTallyGoesOn() {
        List<Outcome> outcomes = new LogFold().apply(announcement);
        ReceiptTally tally =
                ReceiptTally.of(announcement, 3).add(outcomes.get(0)).add(outcomes.get(1));

        AnnouncementReceipt first = tally.receipt();
        AnnouncementReceipt copy = AnnouncementReceipt.newBuilder(first).build();
        tally.add(outcomes.get(2));
        AnnouncementReceipt last = tally.receipt();

        assertThat(first).isEqualTo(copy);
        assertThat(first.getRejected()).isEqualTo(1);
        assertThat(first.getRejections()).hasSize(1);
        assertThat(last.getRejected()).isEqualTo(2);
        assertThat(last.getRejections())
                .hasSize(2)
                .startsWith(first.getRejections().get(0));
        assertThat(last.getDesignated()).isEqualTo(1);
    }

    @Test
    void changingAReceiptChangesNeitherTheTallyNorTheNextReceipt() {
        List<Outcome> outcomes = new LogFold().apply(announcement);
        ReceiptTally tally = ReceiptTally.of(announcement, 3).addAll(outcomes);

        AnnouncementReceipt first = tally.receipt();
        first.getRejections().clear();
        first.setRejected(0);

        assertThat(tally.receipt().getRejected()).isEqualTo(2);
        assertThat(tally.receipt().getRejections()).hasSize(2);
    }

    @Test
    void aResumedTallySharesNoListWithTheReceiptItResumes() {
        List<Outcome> outcomes = new LogFold().apply(announcement);
        AnnouncementReceipt sofar =
                ReceiptTally.of(announcement, 3).add(outcomes.get(1)).receipt();
        AnnouncementReceipt before = AnnouncementReceipt.newBuilder(sofar).build();

        ReceiptTally resumed = ReceiptTally.resume(sofar).add(outcomes.get(0)).add(outcomes.get(2));
        AnnouncementReceipt after = resumed.receipt();

        assertThat(sofar).isEqualTo(before);
        sofar.getRejections().clear();
        assertThat(resumed.receipt()).isEqualTo(after);
        assertThat(after.getRejections()).hasSize(2);
        assertThat(after.getDesignated()).isEqualTo(1);
        assertThat(after.getAnnouncementId()).isEqualTo("a1");
    }
}
