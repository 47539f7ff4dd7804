package dev.sanctions.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.DesignationState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatesDigestTest {

    private static List<DesignationState> states() {
        SyntheticLog log = new SyntheticLog(11);
        log.announcements(3_000, () -> 1);
        return new ArrayList<>(log.expectedStates().values());
    }

    @Test
    void theSameStatesInAnyOrderGiveTheSameDigest() {
        List<DesignationState> states = states();
        List<DesignationState> shuffled = new ArrayList<>(states);
        Collections.shuffle(shuffled, new Random(3));

        assertThat(StatesDigest.of(shuffled)).isEqualTo(StatesDigest.of(states));
        assertThat(StatesDigest.of(states).states()).isEqualTo(states.size());
    }

    @Test
    void oneFieldOfOneStateChangesTheDigest() {
        List<DesignationState> states = states();
        List<DesignationState> changed = new ArrayList<>(states);
        DesignationState one = DesignationState.newBuilder(states.get(states.size() / 2))
                .setVersion(states.get(states.size() / 2).getVersion() + 1)
                .build();
        changed.set(states.size() / 2, one);

        assertThat(StatesDigest.of(changed).sha256())
                .isNotEqualTo(StatesDigest.of(states).sha256());
    }

    @Test
    void aStateMissingOrTwiceChangesTheDigest() {
        List<DesignationState> states = states();
        List<DesignationState> missing = new ArrayList<>(states.subList(1, states.size()));
        List<DesignationState> twice = new ArrayList<>(states);
        twice.add(states.get(0));

        assertThat(StatesDigest.of(missing).sha256())
                .isNotEqualTo(StatesDigest.of(states).sha256());
        assertThat(StatesDigest.of(twice).sha256())
                .isNotEqualTo(StatesDigest.of(states).sha256());
    }

    @Test
    void theImportedListIsLeftOut() {
        List<DesignationState> states = states();
        List<DesignationState> withImported = new ArrayList<>(states);
        withImported.add(DesignationState.newBuilder(states.get(0))
                .setDesignationKey(ImportPhase.AUTHORITY + ":" + ImportPhase.LIST + ":1")
                .setAuthority(ImportPhase.AUTHORITY)
                .setList(ImportPhase.LIST)
                .build());

        assertThat(StatesDigest.of(withImported)).isEqualTo(StatesDigest.of(states));
    }
}
