package dev.sanctions.core;

import static dev.sanctions.avro.MeasureType.ASSET_FREEZE;
import static dev.sanctions.avro.MeasureType.EXPORT_BAN;
import static dev.sanctions.avro.MeasureType.IMPORT_BAN;
import static dev.sanctions.avro.MeasureType.TRAVEL_BAN;
import static dev.sanctions.core.TestData.T1;
import static dev.sanctions.core.TestData.T2;
import static dev.sanctions.core.TestData.T3;
import static dev.sanctions.core.TestData.amend;
import static dev.sanctions.core.TestData.announcement;
import static dev.sanctions.core.TestData.delist;
import static dev.sanctions.core.TestData.designatePerson;
import static dev.sanctions.core.TestData.expectedChange;
import static dev.sanctions.core.TestData.expectedRejection;
import static dev.sanctions.core.TestData.expectedState;
import static dev.sanctions.core.TestData.measure;
import static dev.sanctions.core.TestData.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.ChangeType;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.RejectionReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DELIST rows of the fold table: whole, partial (by measure type), and rejected on none or DELISTED. */
class FoldDelistTest {
    private final Announcement designation = announcement("a1")
            .publishedAt(T1)
            .actions(designatePerson("P1", "Ivanov")
                    .aliases("A")
                    .measures(
                            measure(ASSET_FREEZE),
                            measure(TRAVEL_BAN),
                            measure(TRAVEL_BAN, "entry ban"),
                            measure(EXPORT_BAN, "dual-use goods"))
                    .programs("RUSSIA"))
            .build();

    @Test
    void delistWithoutMeasuresDelistsEmptiesMeasuresAndKeepsTargetAndPrograms() {
        DesignationState active = stateAfter("P1", designation);
        Announcement a2 =
                announcement("a2").publishedAt(T2).actions(delist("P1")).build();

        Outcome outcome = Fold.apply(active, a2, 0);

        DesignationState after = expectedState(a2, active.getTarget())
                .setStatus(DesignationStatus.DELISTED)
                .setMeasures(List.of())
                .setPrograms(List.of("RUSSIA"))
                .setFirstDesignatedAt(T1)
                .setVersion(2L)
                .build();
        assertThat(outcome)
                .isEqualTo(new Outcome.Changed(
                        after, expectedChange(a2, 0, ChangeType.DELISTED, active, after, "measures", "status")));
    }

    @Test
    void delistWithAnEmptyMeasureListIsAFullDelisting() {
        DesignationState active = stateAfter("P1", designation);
        Announcement a2 = announcement("a2")
                .publishedAt(T2)
                .actions(delist("P1").noMeasures())
                .build();

        Outcome.Changed changed = (Outcome.Changed) Fold.apply(active, a2, 0);

        assertThat(changed.after().getStatus()).isEqualTo(DesignationStatus.DELISTED);
        assertThat(changed.after().getMeasures()).isEmpty();
        assertThat(changed.change().getChangeType()).isEqualTo(ChangeType.DELISTED);
    }

    @Test
    void delistWithMeasuresLiftsEveryDetailOfThoseTypesAndIsAnAmendment() {
        DesignationState active = stateAfter("P1", designation);
        Announcement a2 = announcement("a2")
                .publishedAt(T2)
                .actions(delist("P1").measures(measure(TRAVEL_BAN, "some other detail")))
                .build();

        Outcome outcome = Fold.apply(active, a2, 0);

        DesignationState after = expectedState(a2, active.getTarget())
                .setMeasures(List.of(measure(ASSET_FREEZE), measure(EXPORT_BAN, "dual-use goods")))
                .setPrograms(List.of("RUSSIA"))
                .setFirstDesignatedAt(T1)
                .setVersion(2L)
                .build();
        assertThat(outcome)
                .isEqualTo(new Outcome.Changed(
                        after, expectedChange(a2, 0, ChangeType.AMENDED, active, after, "measures")));
    }

    @Test
    void delistOfEveryRemainingMeasureTypeIsAFullDelisting() {
        DesignationState active = stateAfter("P1", designation);
        Announcement a2 = announcement("a2")
                .publishedAt(T2)
                .actions(delist("P1").measures(TRAVEL_BAN, EXPORT_BAN, ASSET_FREEZE, IMPORT_BAN))
                .build();

        Outcome outcome = Fold.apply(active, a2, 0);

        DesignationState after = expectedState(a2, active.getTarget())
                .setStatus(DesignationStatus.DELISTED)
                .setMeasures(List.of())
                .setPrograms(List.of("RUSSIA"))
                .setFirstDesignatedAt(T1)
                .setVersion(2L)
                .build();
        assertThat(outcome)
                .isEqualTo(new Outcome.Changed(
                        after, expectedChange(a2, 0, ChangeType.DELISTED, active, after, "measures", "status")));
    }

    @Test
    void delistOfMeasureTypesNotHeldIsUnchanged() {
        DesignationState active = stateAfter("P1", designation);
        Announcement a2 = announcement("a2")
                .publishedAt(T2)
                .actions(delist("P1").measures(IMPORT_BAN))
                .build();

        assertThat(Fold.apply(active, a2, 0)).isEqualTo(new Outcome.Unchanged());
    }

    @Test
    void delistWithMeasuresOfADesignationLeftWithoutMeasuresIsAFullDelisting() {
        DesignationState withoutMeasures = stateAfter(
                "P1",
                designation,
                announcement("a2")
                        .publishedAt(T2)
                        .actions(amend("P1").measures(new Measure[0]))
                        .build());
        assertThat(withoutMeasures.getMeasures()).isEmpty();
        Announcement a3 = announcement("a3")
                .publishedAt(T3)
                .actions(delist("P1").measures(ASSET_FREEZE))
                .build();

        Outcome outcome = Fold.apply(withoutMeasures, a3, 0);

        DesignationState after = expectedState(a3, withoutMeasures.getTarget())
                .setStatus(DesignationStatus.DELISTED)
                .setMeasures(List.of())
                .setPrograms(List.of("RUSSIA"))
                .setFirstDesignatedAt(T1)
                .setVersion(3L)
                .build();
        assertThat(outcome)
                .isEqualTo(new Outcome.Changed(
                        after, expectedChange(a3, 0, ChangeType.DELISTED, withoutMeasures, after, "status")));
    }

    @Test
    void delistOnNoDesignationIsRejectedAsUnknownDesignation() {
        Announcement a = announcement("a1").actions(delist("P9")).build();

        assertThat(Fold.apply(null, a, 0))
                .isEqualTo(new Outcome.Rejected(expectedRejection(
                        a,
                        0,
                        ActionType.DELIST,
                        "JP-MOFA/P9",
                        RejectionReason.UNKNOWN_DESIGNATION,
                        "DELIST of JP-MOFA/P9: no such designation; it must be designated first")));
    }

    @Test
    void delistOnDelistedIsRejectedAsAlreadyDelisted() {
        DesignationState delisted = stateAfter(
                "P1",
                designation,
                announcement("a2").publishedAt(T2).actions(delist("P1")).build());
        Announcement a3 = announcement("a3")
                .publishedAt(T3)
                .actions(delist("P1").measures(ASSET_FREEZE))
                .build();

        assertThat(Fold.apply(delisted, a3, 0))
                .isEqualTo(new Outcome.Rejected(expectedRejection(
                        a3,
                        0,
                        ActionType.DELIST,
                        "JP-MOFA/P1",
                        RejectionReason.ALREADY_DELISTED,
                        "DELIST of JP-MOFA/P1: the designation is already DELISTED")));
    }
}
