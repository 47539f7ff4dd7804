package dev.sanctions.core;

import static dev.sanctions.avro.MeasureType.ARMS_EMBARGO;
import static dev.sanctions.avro.MeasureType.ASSET_FREEZE;
import static dev.sanctions.avro.MeasureType.EXPORT_BAN;
import static dev.sanctions.avro.MeasureType.TRAVEL_BAN;
import static dev.sanctions.avro.TargetKind.ORGANIZATION;
import static dev.sanctions.avro.TargetKind.PERSON;
import static dev.sanctions.core.TestData.T1;
import static dev.sanctions.core.TestData.T2;
import static dev.sanctions.core.TestData.T3;
import static dev.sanctions.core.TestData.address;
import static dev.sanctions.core.TestData.announcement;
import static dev.sanctions.core.TestData.delist;
import static dev.sanctions.core.TestData.designate;
import static dev.sanctions.core.TestData.designatePerson;
import static dev.sanctions.core.TestData.expectedChange;
import static dev.sanctions.core.TestData.expectedState;
import static dev.sanctions.core.TestData.identifier;
import static dev.sanctions.core.TestData.measure;
import static dev.sanctions.core.TestData.stateAfter;
import static dev.sanctions.core.TestData.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.ChangeType;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.avro.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three DESIGNATE rows of the fold table: on none, on DELISTED, on ACTIVE. */
class FoldDesignateTest {

    @Test
    void designateOnNoneIsActiveVersionOneWithEveryFieldFromTheAction() {
        Announcement a = announcement("a1")
                .actions(designate("RU-P-0425")
                        .kind(PERSON)
                        .name("Ramzan Akhmatovich Kadyrov")
                        .aliases("Рамзан Ахматович Кадыров")
                        .birthDates("1976-10-05")
                        .nationalities("RU")
                        .position("Head of the Chechen Republic")
                        .identifiers(identifier("PASSPORT", "0000000", "RU"))
                        .addresses(address("Grozny", "RU"))
                        .remarks("seed")
                        .measures(measure(TRAVEL_BAN, "entry ban"), measure(ASSET_FREEZE))
                        .programs("RUSSIA-UKRAINE", "CHECHNYA"))
                .build();

        Outcome outcome = Fold.apply(null, a, 0);

        Target target = target("RU-P-0425")
                .setKind(PERSON)
                .setName("Ramzan Akhmatovich Kadyrov")
                .setAliases(List.of("Рамзан Ахматович Кадыров"))
                .setBirthDates(List.of("1976-10-05"))
                .setNationalities(List.of("RU"))
                .setPosition("Head of the Chechen Republic")
                .setIdentifiers(List.of(identifier("PASSPORT", "0000000", "RU")))
                .setAddresses(List.of(address("Grozny", "RU")))
                .setRemarks("seed")
                .build();
        DesignationState after = expectedState(a, target)
                .setMeasures(List.of(measure(ASSET_FREEZE), measure(TRAVEL_BAN, "entry ban")))
                .setPrograms(List.of("CHECHNYA", "RUSSIA-UKRAINE"))
                .build();
        assertThat(outcome)
                .isEqualTo(new Outcome.Changed(after, expectedChange(a, 0, ChangeType.DESIGNATED, null, after)));
        assertThat(after.getDesignationKey()).isEqualTo("JP-MOFA/RU-P-0425");
    }

    @Test
    void fieldsNotGivenStayNullAndMissingProgramsAreAnEmptySet() {
        Announcement a =
                announcement("a1").actions(designatePerson("P1", "Ivanov")).build();

        Outcome outcome = Fold.apply(null, a, 0);

        DesignationState after = expectedState(
                        a, target("P1").setKind(PERSON).setName("Ivanov").build())
                .setMeasures(List.of(measure(ASSET_FREEZE)))
                .build();
        assertThat(outcome)
                .isEqualTo(new Outcome.Changed(after, expectedChange(a, 0, ChangeType.DESIGNATED, null, after)));
        assertThat(after.getTarget().getAliases()).isNull();
    }

    @Test
    void measuresSortByTypeNameThenDetailWithNullFirstAndNoDuplicates() {
        Announcement a = announcement("a1")
                .actions(designatePerson("P1", "Ivanov")
                        .measures(
                                measure(TRAVEL_BAN, "b"),
                                measure(EXPORT_BAN),
                                measure(TRAVEL_BAN),
                                measure(ARMS_EMBARGO),
                                measure(TRAVEL_BAN, "a"),
                                measure(EXPORT_BAN),
                                measure(TRAVEL_BAN, "b")))
                .build();

        DesignationState after = ((Outcome.Changed) Fold.apply(null, a, 0)).after();

        assertThat(after.getMeasures())
                .containsExactly(
                        measure(ARMS_EMBARGO),
                        measure(EXPORT_BAN),
                        measure(TRAVEL_BAN),
                        measure(TRAVEL_BAN, "a"),
                        measure(TRAVEL_BAN, "b"));
    }

    @Test
    void programsAreSortedAndDistinct() {
        Announcement a = announcement("a1")
                .actions(designatePerson("P1", "Ivanov").programs("UKRAINE", "BELARUS", "UKRAINE", "AFGHANISTAN"))
                .build();

        DesignationState after = ((Outcome.Changed) Fold.apply(null, a, 0)).after();

        assertThat(after.getPrograms()).containsExactly("AFGHANISTAN", "BELARUS", "UKRAINE");
    }

    @Test
    void designateOnDelistedRelistsWithTheActionsFieldsAndKeepsFirstDesignatedAt() {
        Announcement a1 = announcement("a1")
                .publishedAt(T1)
                .actions(designatePerson("P1", "Ivanov")
                        .aliases("Ivanoff")
                        .position("Minister")
                        .measures(ASSET_FREEZE, TRAVEL_BAN)
                        .programs("RUSSIA"))
                .build();
        Announcement a2 =
                announcement("a2").publishedAt(T2).actions(delist("P1")).build();
        DesignationState delisted = stateAfter("P1", a1, a2);
        Announcement a3 = announcement("a3")
                .publishedAt(T3)
                .jurisdiction("JP")
                .legalBasis("Relisting order")
                .actions(designate("P1")
                        .kind(ORGANIZATION)
                        .name("Ivanov Holdings")
                        .measures(EXPORT_BAN)
                        .programs("BELARUS"))
                .build();

        Outcome outcome = Fold.apply(delisted, a3, 0);

        DesignationState after = expectedState(
                        a3,
                        target("P1")
                                .setKind(ORGANIZATION)
                                .setName("Ivanov Holdings")
                                .build())
                .setMeasures(List.of(measure(EXPORT_BAN)))
                .setPrograms(List.of("BELARUS"))
                .setFirstDesignatedAt(T1)
                .setVersion(3L)
                .build();
        assertThat(delisted.getStatus()).isEqualTo(DesignationStatus.DELISTED);
        assertThat(outcome)
                .isEqualTo(new Outcome.Changed(
                        after,
                        expectedChange(
                                a3,
                                0,
                                ChangeType.DESIGNATED,
                                delisted,
                                after,
                                "measures",
                                "programs",
                                "status",
                                "target.aliases",
                                "target.kind",
                                "target.name",
                                "target.position")));
    }

    @Test
    void designateOnActiveReplacesGivenScalarFieldsAndKeepsTheOthers() {
        Announcement a1 = announcement("a1")
                .actions(designatePerson("P1", "Ivanov").position("Minister").remarks("old"))
                .build();
        DesignationState active = stateAfter("P1", a1);
        Announcement a2 = announcement("a2")
                .publishedAt(T2)
                .actions(designate("P1").kind(ORGANIZATION).name("Ivanov Group").measures(ASSET_FREEZE))
                .build();

        Outcome outcome = Fold.apply(active, a2, 0);

        DesignationState after = expectedState(
                        a2,
                        target("P1")
                                .setKind(ORGANIZATION)
                                .setName("Ivanov Group")
                                .setPosition("Minister")
                                .setRemarks("old")
                                .build())
                .setMeasures(List.of(measure(ASSET_FREEZE)))
                .setFirstDesignatedAt(T1)
                .setVersion(2L)
                .build();
        assertThat(outcome)
                .isEqualTo(new Outcome.Changed(
                        after, expectedChange(a2, 0, ChangeType.AMENDED, active, after, "target.kind", "target.name")));
    }

    @Test
    void designateOnActiveUnionsEveryListFieldKeepingStoredOrderAndAppendingNewOnesInActionOrder() {
        Announcement a1 = announcement("a1")
                .actions(designatePerson("P1", "Ivanov")
                        .aliases("B", "A")
                        .birthDates("1970", "1971-02")
                        .nationalities("RU")
                        .identifiers(identifier("PASSPORT", "1", "RU"))
                        .addresses(address("Moscow", "RU")))
                .build();
        DesignationState active = stateAfter("P1", a1);
        Announcement a2 = announcement("a2")
                .publishedAt(T2)
                .actions(designatePerson("P1", "Ivanov")
                        .aliases("C", "A", "D", "C")
                        .birthDates("1971-02", "1970-01-01")
                        .nationalities("BY", "RU")
                        .identifiers(identifier("PASSPORT", "2", "RU"), identifier("PASSPORT", "1", "RU"))
                        .addresses(address("Moscow", "RU"), address(null, "BY")))
                .build();

        Outcome outcome = Fold.apply(active, a2, 0);

        DesignationState after = expectedState(
                        a2,
                        target("P1")
                                .setKind(PERSON)
                                .setName("Ivanov")
                                .setAliases(List.of("B", "A", "C", "D"))
                                .setBirthDates(List.of("1970", "1971-02", "1970-01-01"))
                                .setNationalities(List.of("RU", "BY"))
                                .setIdentifiers(
                                        List.of(identifier("PASSPORT", "1", "RU"), identifier("PASSPORT", "2", "RU")))
                                .setAddresses(List.of(address("Moscow", "RU"), address(null, "BY")))
                                .build())
                .setMeasures(List.of(measure(ASSET_FREEZE)))
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
                                "target.nationalities")));
    }

    @Test
    void designateOnActiveUnionOfAnAbsentListIsTheGivenList() {
        DesignationState active = stateAfter(
                "P1",
                announcement("a1").actions(designatePerson("P1", "Ivanov")).build());
        Announcement a2 = announcement("a2")
                .publishedAt(T2)
                .actions(designatePerson("P1", "Ivanov").aliases("X", "X"))
                .build();

        DesignationState after = ((Outcome.Changed) Fold.apply(active, a2, 0)).after();

        assertThat(after.getTarget().getAliases()).containsExactly("X");
        assertThat(after.getTarget().getBirthDates()).isNull();
    }

    @Test
    void designateOnActiveUnionsMeasuresAndPrograms() {
        DesignationState active = stateAfter(
                "P1",
                announcement("a1")
                        .actions(designatePerson("P1", "Ivanov")
                                .measures(measure(TRAVEL_BAN, "entry ban"))
                                .programs("RUSSIA"))
                        .build());
        Announcement a2 = announcement("a2")
                .publishedAt(T2)
                .actions(designatePerson("P1", "Ivanov")
                        .measures(measure(TRAVEL_BAN, "entry ban"), measure(ASSET_FREEZE), measure(TRAVEL_BAN))
                        .programs("BELARUS", "RUSSIA"))
                .build();

        Outcome outcome = Fold.apply(active, a2, 0);

        DesignationState after = expectedState(
                        a2, target("P1").setKind(PERSON).setName("Ivanov").build())
                .setMeasures(List.of(measure(ASSET_FREEZE), measure(TRAVEL_BAN), measure(TRAVEL_BAN, "entry ban")))
                .setPrograms(List.of("BELARUS", "RUSSIA"))
                .setFirstDesignatedAt(T1)
                .setVersion(2L)
                .build();
        assertThat(outcome)
                .isEqualTo(new Outcome.Changed(
                        after, expectedChange(a2, 0, ChangeType.AMENDED, active, after, "measures", "programs")));
    }

    @Test
    void designateOnActiveThatChangesNothingIsUnchangedAndLeavesProvenanceAlone() {
        Announcement a1 = announcement("a1")
                .actions(designatePerson("P1", "Ivanov")
                        .aliases("A", "B")
                        .measures(ASSET_FREEZE, TRAVEL_BAN)
                        .programs("RUSSIA"))
                .build();
        Announcement a2 = announcement("a2")
                .publishedAt(T2)
                .jurisdiction("JP")
                .legalBasis("another act")
                .sourceUrl("https://elsewhere.example")
                .effectiveFrom("2022-05-11")
                .actions(designatePerson("P1", "Ivanov")
                        .aliases("B")
                        .measures(TRAVEL_BAN)
                        .programs("RUSSIA"))
                .build();
        LogFold fold = new LogFold();
        fold.apply(a1);
        DesignationState before = fold.state("JP-MOFA/P1").orElseThrow();

        assertThat(fold.apply(a2)).containsExactly(new Outcome.Unchanged());
        assertThat(fold.state("JP-MOFA/P1")).contains(before);
        assertThat(before.getLastAnnouncementId()).isEqualTo("a1");
        assertThat(before.getLastChangedAt()).isEqualTo(T1);
    }
}
