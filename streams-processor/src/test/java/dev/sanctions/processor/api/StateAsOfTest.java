package dev.sanctions.processor.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateAsOfTest {

    private static final Instant T1 = Instant.parse("2022-04-08T01:00:00Z");
    private static final Instant T2 = Instant.parse("2022-05-10T01:00:00Z");

    @Test
    void theLatestVersionPublishedAtOrBeforeTheInstantIsTheAnswer() {
        List<DesignationState> versions = List.of(state(1, T1), state(2, T1), state(3, T2));
        assertThat(StateAsOf.select(versions, T1.minusMillis(1))).isEmpty();
        assertThat(StateAsOf.select(versions, T1))
                .map(DesignationState::getVersion)
                .contains(2L);
        assertThat(StateAsOf.select(versions, T2.minusMillis(1)))
                .map(DesignationState::getVersion)
                .contains(2L);
        assertThat(StateAsOf.select(versions, T2))
                .map(DesignationState::getVersion)
                .contains(3L);
        assertThat(StateAsOf.select(List.of(), T2)).isEmpty();
    }

    @Test
    void aChangeFromAnAnnouncementPublishedEarlierButLoggedLaterStillCountsAsTheLaterVersion() {
        List<DesignationState> versions = List.of(state(1, T1), state(2, T2), state(3, T1.plusSeconds(60)));
        assertThat(StateAsOf.select(versions, T1.plusSeconds(60)))
                .map(DesignationState::getVersion)
                .contains(3L);
        assertThat(StateAsOf.select(versions, T2))
                .map(DesignationState::getVersion)
                .contains(3L);
        assertThat(StateAsOf.select(versions, T1))
                .map(DesignationState::getVersion)
                .contains(1L);
    }

    private static DesignationState state(long version, Instant lastChangedAt) {
        return DesignationState.newBuilder()
                .setDesignationKey("JP-MOFA/RU-P-1")
                .setAuthority("JP-MOFA")
                .setJurisdiction("JP")
                .setTargetId("RU-P-1")
                .setStatus(DesignationStatus.ACTIVE)
                .setTarget(Target.newBuilder()
                        .setId("RU-P-1")
                        .setKind(TargetKind.PERSON)
                        .setName("Ivan")
                        .build())
                .setMeasures(List.of())
                .setPrograms(List.of())
                .setFirstDesignatedAt(T1)
                .setLastChangedAt(lastChangedAt)
                .setEffectiveFrom(lastChangedAt.toString().substring(0, 10))
                .setVersion(version)
                .setLastAnnouncementId("a" + version)
                .build();
    }
}
