package dev.sanctions.core;

import static dev.sanctions.avro.MeasureType.ASSET_FREEZE;
import static dev.sanctions.avro.MeasureType.EXPORT_BAN;
import static dev.sanctions.avro.MeasureType.TRAVEL_BAN;
import static dev.sanctions.avro.TargetKind.ORGANIZATION;
import static dev.sanctions.avro.TargetKind.PERSON;
import static dev.sanctions.core.TestData.T1;
import static dev.sanctions.core.TestData.T2;
import static dev.sanctions.core.TestData.T3;
import static dev.sanctions.core.TestData.address;
import static dev.sanctions.core.TestData.amend;
import static dev.sanctions.core.TestData.announcement;
import static dev.sanctions.core.TestData.delist;
import static dev.sanctions.core.TestData.designatePerson;
import static dev.sanctions.core.TestData.expectedChange;
import static dev.sanctions.core.TestData.expectedRejection;
import static dev.sanctions.core.TestData.expectedState;
import static dev.sanctions.core.TestData.identifier;
import static dev.sanctions.core.TestData.measure;
import static dev.sanctions.core.TestData.stateAfter;
import static dev.sanctions.core.TestData.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.ChangeType;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.RejectionReason;
import dev.sanctions.avro.Target;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AMEND rows of the fold table: on ACTIVE, and rejected on none or DELISTED. */
class FoldAmendTest {
    private final Announcement designation = announcement("a1")
            .publishedAt(T1)
            .actions(designatePerson("P1", "Ivanov")
                    .aliases("A", "B")
                    .birthDates("1970")
                    .nationalities("RU")
                    .position("Minister")
                    .identifiers(identifier("PASSPORT", "1", "RU"))
                    .addresses(address("Moscow", "RU"))
                    .remarks("old")
                    .measures(ASSET_FREEZE, TRAVEL_BAN)
                    .programs("RUSSIA"))
            .build();

    @Test
    void amendReplacesEachGivenFieldWithListsReplacedWholeAndKeepsTheOthers() {
        DesignationState active = stateAfter("P1", designation);
        Announcement a2 = announcement("a2")
                .publishedAt(T2)
                .actions(amend("P1")
                        .kind(ORGANIZATION)
                        .name("Ivanov LLC")
                        .aliases("C")
                        .birthDates("1971-01-01")
                        .nationalities("BY")
                        .position("Owner")
                        .identifiers(identifier("REGISTRATION", "77", null))
                        .addresses(address("Minsk", "BY"))
                        .remarks("new"))
                .build();

        Outcome outcome = Fold.apply(active, a2, 0);

        DesignationState after = expectedState(
                        a2,
                        target("P1")
                                .setKind(ORGANIZATION)
                                .setName("Ivanov LLC")
                                .setAliases(List.of("C"))
                                .setBirthDates(List.of("1971-01-01"))
                                .setNationalities(List.of("BY"))
                                .setPosition("Owner")
                                .setIdentifiers(List.of(identifier("REGISTRATION", "77", null)))
                                .setAddresses(List.of(address("Minsk", "BY")))
                                .setRemarks("new")
                                .build())
                .setMeasures(List.of(measure(ASSET_FREEZE), measure(TRAVEL_BAN)))
                .setPrograms(List.of("RUSSIA"))
                .setFirstDesignatedAt(T1)
                .setVersion(2L)
                .build();
        assertThat(outcome)
                .isEqualTo(new Outcome.Changed(
                        after,
                        expectedChange(
                                a2,
                                0,
                                ChangeType.AMENDED,
                                active,
                                after,
                                "target.addresses",
                                "target.aliases",
                                "target.birthDates",
                                "target.identifiers",
                                "target.kind",
                                "target.name",
                                "target.nationalities",
                                "target.position",
                                "target.remarks")));
    }

    @Test
    void amendWithOnlySomeFieldsLeavesTheRestAsStored() {
        DesignationState active = stateAfter("P1", designation);
        Announcement a2 = announcement("a2")
                .publishedAt(T2)
                .actions(amend("P1").position("Former minister"))
                .build();

        DesignationState after = ((Outcome.Changed) Fold.apply(active, a2, 0)).after();

        assertThat(after.getTarget())
                .isEqualTo(Target.newBuilder(active.getTarget())
                        .setPosition("Former minister")
                        .build());
        assertThat(after.getMeasures()).isEqualTo(active.getMeasures());
        assertThat(after.getPrograms()).isEqualTo(active.getPrograms());
    }

    @Test
    void amendReplacesMeasuresAndProgramsAsSortedSetsWhenGiven() {
        DesignationState active = stateAfter("P1", designation);
        Announcement a2 = announcement("a2")
                .publishedAt(T2)
                .actions(amend("P1")
                        .measures(measure(TRAVEL_BAN, "entry ban"), measure(EXPORT_BAN), measure(EXPORT_BAN))
                        .programs("UKRAINE", "BELARUS"))
                .build();

        Outcome outcome = Fold.apply(active, a2, 0);

        DesignationState after = expectedState(a2, active.getTarget())
                .setMeasures(List.of(measure(EXPORT_BAN), measure(TRAVEL_BAN, "entry ban")))
                .setPrograms(List.of("BELARUS", "UKRAINE"))
                .setFirstDesignatedAt(T1)
                .setVersion(2L)
                .build();
        assertThat(outcome)
                .isEqualTo(new Outcome.Changed(
                        after, expectedChange(a2, 0, ChangeType.AMENDED, active, after, "measures", "programs")));
    }

    @Test
    void amendThatChangesNothingIsUnchanged() {
        DesignationState active = stateAfter("P1", designation);
        Announcement a2 = announcement("a2")
                .publishedAt(T2)
                .actions(amend("P1")
                        .kind(PERSON)
                        .name("Ivanov")
                        .aliases("A", "B")
                        .measures(TRAVEL_BAN, ASSET_FREEZE))
                .build();

        assertThat(Fold.apply(active, a2, 0)).isEqualTo(new Outcome.Unchanged());
    }

    @Test
    void amendThatOnlyReordersListsIsUnchanged() {
        DesignationState active = stateAfter("P1", designatePersonWithLists("a1", T1));
        Announcement a2 = announcement("a2")
                .publishedAt(T2)
                .actions(amend("P1")
                        .aliases("B", "A")
                        .birthDates("1971", "1970")
                        .nationalities("BY", "RU")
                        .identifiers(identifier("PASSPORT", "2", "RU"), identifier("PASSPORT", "1", "RU"))
                        .addresses(address("Minsk", "BY"), address("Moscow", "RU")))
                .build();

        assertThat(Fold.apply(active, a2, 0)).isEqualTo(new Outcome.Unchanged());
    }

    @Test
    void aReorderNextToARealChangeIsNotAChangedField() {
        DesignationState active = stateAfter("P1", designatePersonWithLists("a1", T1));
        Announcement a2 = announcement("a2")
                .publishedAt(T2)
                .actions(amend("P1").name("Ivanov Jr").aliases("B", "A"))
                .build();

        Outcome.Changed changed = (Outcome.Changed) Fold.apply(active, a2, 0);

        assertThat(changed.change().getChangedFields()).containsExactly("target.name");
        assertThat(changed.after().getTarget().getAliases()).containsExactly("B", "A");
    }

    @Test
    void listsWithTheSameElementsInOtherCountsDiffer() {
        DesignationState active = stateAfter("P1", designatePersonWithLists("a1", T1));
        Announcement a2 = announcement("a2")
                .publishedAt(T2)
                .actions(amend("P1").aliases("A", "B", "A"))
                .build();

        Outcome.Changed changed = (Outcome.Changed) Fold.apply(active, a2, 0);

        assertThat(changed.change().getChangedFields()).containsExactly("target.aliases");
    }

    private static Announcement designatePersonWithLists(String id, Instant at) {
        return announcement(id)
                .publishedAt(at)
                .actions(designatePerson("P1", "Ivanov")
                        .aliases("A", "B")
                        .birthDates("1970", "1971")
                        .nationalities("RU", "BY")
                        .identifiers(identifier("PASSPORT", "1", "RU"), identifier("PASSPORT", "2", "RU"))
                        .addresses(address("Moscow", "RU"), address("Minsk", "BY"))
                        .measures(ASSET_FREEZE))
                .build();
    }

    @Test
    void amendOnNoDesignationIsRejectedAsUnknownDesignation() {
        Announcement a = announcement("a1").actions(amend("P9").name("Nobody")).build();

        assertThat(Fold.apply(null, a, 0))
                .isEqualTo(new Outcome.Rejected(expectedRejection(
                        a,
                        0,
                        ActionType.AMEND,
                        "JP-MOFA/P9",
                        RejectionReason.UNKNOWN_DESIGNATION,
                        "AMEND of JP-MOFA/P9: no such designation; it must be designated first")));
    }

    @Test
    void amendOnDelistedIsRejectedAsNotActive() {
        DesignationState delisted = stateAfter(
                "P1",
                designation,
                announcement("a2").publishedAt(T2).actions(delist("P1")).build());
        Announcement a3 = announcement("a3")
                .publishedAt(T3)
                .actions(amend("P1").name("Ivanov"))
                .build();

        assertThat(Fold.apply(delisted, a3, 0))
                .isEqualTo(new Outcome.Rejected(expectedRejection(
                        a3,
                        0,
                        ActionType.AMEND,
                        "JP-MOFA/P1",
                        RejectionReason.NOT_ACTIVE,
                        "AMEND of JP-MOFA/P1: the designation is DELISTED; DESIGNATE it again to relist it")));
    }
}
