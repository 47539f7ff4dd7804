package dev.sanctions.core;

import static dev.sanctions.avro.MeasureType.ASSET_FREEZE;
import static dev.sanctions.avro.MeasureType.TRAVEL_BAN;
import static dev.sanctions.core.TestData.T2;
import static dev.sanctions.core.TestData.amend;
import static dev.sanctions.core.TestData.announcement;
import static dev.sanctions.core.TestData.designate;
import static dev.sanctions.core.TestData.designatePerson;
import static dev.sanctions.core.TestData.expectedChange;
import static dev.sanctions.core.TestData.expectedRejection;
import static dev.sanctions.core.TestData.expectedState;
import static dev.sanctions.core.TestData.measure;
import static dev.sanctions.core.TestData.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.AnnouncedAction;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.ChangeType;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.RejectionReason;
import dev.sanctions.avro.TargetKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole announcements: the "any" rows of the fold table, dedupe, order inside one announcement, purity. */
class LogFoldTest {
    private final LogFold fold = new LogFold();

    @Test
    void anInvalidActionIsRejectedAndTheOtherActionsStillApply() {
        Announcement a = announcement("a1")
                .actions(
                        designatePerson("P1", "Ivanov"),
                        designate("P2").kind(TargetKind.PERSON).measures(ASSET_FREEZE),
                        designatePerson("P3", "Petrov"))
                .build();

        List<Outcome> outcomes = fold.apply(a);

        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(0)).isInstanceOf(Outcome.Changed.class);
        assertThat(outcomes.get(1))
                .isEqualTo(
                        new Outcome.Rejected(
                                expectedRejection(
                                        a,
                                        1,
                                        ActionType.DESIGNATE,
                                        "JP-MOFA/P2",
                                        RejectionReason.INVALID_ACTION,
                                        "invalid action, not applied: actions[1].target.name: required for DESIGNATE, must not be blank")));
        assertThat(outcomes.get(2)).isInstanceOf(Outcome.Changed.class);
        assertThat(fold.states()).containsOnlyKeys("JP-MOFA/P1", "JP-MOFA/P3");
    }

    @Test
    void anActionWithAnInvalidTargetIdIsRejectedWithoutAKey() {
        Announcement a =
                announcement("a1").actions(designatePerson("RU/1", "Ivanov")).build();

        assertThat(fold.apply(a))
                .containsExactly(new Outcome.Rejected(expectedRejection(
                        a,
                        0,
                        ActionType.DESIGNATE,
                        null,
                        RejectionReason.INVALID_ACTION,
                        "invalid action, not applied: actions[0].target.id: must not contain"
                                + " '/' (it separates authority and target id in keys)")));
        assertThat(fold.states()).isEmpty();
    }

    @Test
    void aTargetIdWithANulIsRejectedWithoutAKeyAndCannotPassForAnother() {
        fold.apply(announcement("a1").actions(designatePerson("N-1", "Ivanov")).build());
        Announcement impostor = announcement("a2")
                .publishedAt(T2)
                .actions(designatePerson("N-1\u0000x", "Impostor"))
                .build();

        assertThat(fold.apply(impostor))
                .containsExactly(new Outcome.Rejected(expectedRejection(
                        impostor,
                        0,
                        ActionType.DESIGNATE,
                        null,
                        RejectionReason.INVALID_ACTION,
                        "invalid action, not applied: actions[0].target.id: must not contain"
                                + " control characters (Unicode category Cc: NUL, tab, line breaks ...)")));
        assertThat(fold.states()).containsOnlyKeys("JP-MOFA/N-1");
    }

    @Test
    void aReusedAnnouncementIdIsOneDuplicateRejectionAndNothingIsApplied() {
        fold.apply(announcement("a1").actions(designatePerson("P1", "Ivanov")).build());
        DesignationState before = fold.state("JP-MOFA/P1").orElseThrow();
        Announcement again = announcement("a1")
                .publishedAt(T2)
                .actions(amend("P1").name("Changed"), designatePerson("P2", "Petrov"))
                .build();

        assertThat(fold.apply(again))
                .containsExactly(new Outcome.Rejected(expectedRejection(
                        again,
                        null,
                        null,
                        null,
                        RejectionReason.DUPLICATE_ANNOUNCEMENT,
                        "announcementId a1 was already used by JP-MOFA; the whole"
                                + " announcement is ignored. Publish new actions under a new announcementId")));
        assertThat(fold.states()).containsOnlyKeys("JP-MOFA/P1");
        assertThat(fold.state("JP-MOFA/P1")).contains(before);
    }

    @Test
    void announcementIdsAreUniquePerAuthorityOnly() {
        fold.apply(announcement("a1").actions(designatePerson("P1", "Ivanov")).build());

        List<Outcome> outcomes = fold.apply(announcement("a1")
                .authority("US-OFAC")
                .jurisdiction("US")
                .actions(designatePerson("P1", "Ivanov"))
                .build());

        assertThat(outcomes).singleElement().isInstanceOf(Outcome.Changed.class);
        assertThat(fold.states()).containsOnlyKeys("JP-MOFA/P1", "US-OFAC/P1");
    }

    @Test
    void anAnnouncementBreakingAnnouncementLevelRulesIsRejectedWholeAndItsIdStaysFree() {
        Announcement bad = announcement("a1")
                .jurisdiction("XX")
                .title(" ")
                .actions(designatePerson("P1", "Ivanov"))
                .build();

        assertThat(fold.apply(bad))
                .containsExactly(
                        new Outcome.Rejected(
                                expectedRejection(
                                        bad,
                                        null,
                                        null,
                                        null,
                                        RejectionReason.INVALID_ACTION,
                                        "announcement breaks the rules, no action applied: jurisdiction: must be an"
                                                + " ISO 3166-1 alpha-2 code, EU or UN, e.g. JP, got 'XX'; title: required, must not be blank")));
        assertThat(fold.states()).isEmpty();

        Announcement fixed =
                announcement("a1").actions(designatePerson("P1", "Ivanov")).build();
        assertThat(fold.apply(fixed)).singleElement().isInstanceOf(Outcome.Changed.class);
    }

    @Test
    void twoActionsOnOneKeyInOneAnnouncementApplyOneAfterTheOther() {
        Announcement a = announcement("a1")
                .actions(designatePerson("P1", "Ivanov"), amend("P1").measures(ASSET_FREEZE, TRAVEL_BAN))
                .build();

        List<Outcome> outcomes = fold.apply(a);

        DesignationState first = expectedState(
                        a,
                        target("P1")
                                .setKind(TargetKind.PERSON)
                                .setName("Ivanov")
                                .build())
                .setMeasures(List.of(measure(ASSET_FREEZE)))
                .build();
        DesignationState second = DesignationState.newBuilder(first)
                .setMeasures(List.of(measure(ASSET_FREEZE), measure(TRAVEL_BAN)))
                .setVersion(2L)
                .build();
        assertThat(outcomes)
                .containsExactly(
                        new Outcome.Changed(first, expectedChange(a, 0, ChangeType.DESIGNATED, null, first)),
                        new Outcome.Changed(
                                second, expectedChange(a, 1, ChangeType.AMENDED, first, second, "measures")));
        assertThat(fold.state("JP-MOFA/P1")).contains(second);
    }

    @Test
    void statesAreSortedByKey() {
        fold.apply(announcement("a1")
                .actions(designatePerson("P3", "C"), designatePerson("P1", "A"))
                .build());
        fold.apply(announcement("b1")
                .authority("EU-COUNCIL")
                .jurisdiction("EU")
                .actions(designatePerson("P2", "B"))
                .build());

        assertThat(fold.states().keySet()).containsExactly("EU-COUNCIL/P2", "JP-MOFA/P1", "JP-MOFA/P3");
    }

    @Test
    void theFoldNeverMutatesTheAnnouncementOrTheStateItIsGiven() throws IOException {
        Announcement a1 = announcement("a1")
                .actions(designatePerson("P1", "Ivanov")
                        .aliases("A")
                        .measures(TRAVEL_BAN, ASSET_FREEZE)
                        .programs("Z", "A"))
                .build();
        ByteBuffer a1Bytes = a1.toByteBuffer();
        DesignationState active = ((Outcome.Changed) Fold.apply(null, a1, 0)).after();
        ByteBuffer activeBytes = active.toByteBuffer();
        Announcement a2 = announcement("a2")
                .publishedAt(T2)
                .actions(designatePerson("P1", "Ivanov")
                        .aliases("B")
                        .measures(TRAVEL_BAN)
                        .programs("B"))
                .build();
        ByteBuffer a2Bytes = a2.toByteBuffer();

        DesignationState after = ((Outcome.Changed) Fold.apply(active, a2, 0)).after();
        after.getTarget().getAliases().add("mutated later by a careless caller");

        assertThat(a1.toByteBuffer()).isEqualTo(a1Bytes);
        assertThat(active.toByteBuffer()).isEqualTo(activeBytes);
        assertThat(a2.toByteBuffer()).isEqualTo(a2Bytes);
        assertThat(a1.getActions().get(0).getPrograms()).containsExactly("Z", "A");
    }

    @Test
    void aStateOfAnotherDesignationIsAProgrammingError() {
        Announcement a1 =
                announcement("a1").actions(designatePerson("P1", "Ivanov")).build();
        DesignationState p1 = ((Outcome.Changed) Fold.apply(null, a1, 0)).after();
        Announcement a2 = announcement("a2").actions(amend("P2").name("X")).build();

        assertThatThrownBy(() -> Fold.apply(p1, a2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JP-MOFA/P1")
                .hasMessageContaining("JP-MOFA/P2");
    }

    @Test
    void intakeSplitsAFreshValidAnnouncementIntoActionsWithItsProvenance() {
        Announcement a = announcement("a1")
                .actions(designatePerson("P1", "X"), amend("P1").name("Y"))
                .build();

        Admission admission = Intake.admit(a, false);

        assertThat(admission).isInstanceOfSatisfying(Admission.Accepted.class, accepted -> {
            assertThat(accepted.actions())
                    .extracting(AnnouncedAction::getActionIndex)
                    .containsExactly(0, 1);
            assertThat(accepted.actions())
                    .extracting(AnnouncedAction::getAction)
                    .containsExactlyElementsOf(a.getActions());
            assertThat(accepted.actions()).allSatisfy(action -> {
                assertThat(action.getAnnouncementId()).isEqualTo("a1");
                assertThat(action.getLegalBasis()).isEqualTo(a.getLegalBasis());
                assertThat(action.getSourceUrl()).isEqualTo(a.getSourceUrl());
                assertThat(action.getEffectiveFrom()).isEqualTo(a.getEffectiveFrom());
            });
        });
        assertThat(Intake.admit(a, true))
                .isInstanceOfSatisfying(
                        Admission.Refused.class,
                        refused -> assertThat(refused.rejection().getReason())
                                .isEqualTo(RejectionReason.DUPLICATE_ANNOUNCEMENT));
    }
}
