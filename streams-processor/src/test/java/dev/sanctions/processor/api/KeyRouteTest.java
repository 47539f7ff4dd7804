package dev.sanctions.processor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class KeyRouteTest {

    private static final HostInfo SELF = new HostInfo("127.0.0.1", 8080);
    private static final HostInfo OTHER = new HostInfo("127.0.0.1", 8081);

    @Test
    void aKeyOwnedHereIsReadFromItsPartitionHereWhoeverAsked() {
        KeyQueryMetadata ownedHere = new KeyQueryMetadata(SELF, Set.of(OTHER), 3);
        assertThat(KeyRoute.decide(ownedHere, SELF, false)).isEqualTo(new KeyRoute.Local(3));
        assertThat(KeyRoute.decide(ownedHere, SELF, true)).isEqualTo(new KeyRoute.Local(3));
    }

    @Test
    void aKeyOwnedElsewhereIsForwardedToItsOwnerEvenWhenAStandbyIsHere() {
        assertThat(KeyRoute.decide(new KeyQueryMetadata(OTHER, Set.of(SELF), 1), SELF, false))
                .isEqualTo(new KeyRoute.Forward(OTHER));
    }

    @Test
    void aForwardedRequestIsNeverForwardedAgain() {
        assertThat(KeyRoute.decide(new KeyQueryMetadata(OTHER, Set.of(), 1), SELF, true))
                .isInstanceOfSatisfying(
                        KeyRoute.Unavailable.class,
                        unavailable -> assertThat(unavailable.reason()).contains("127.0.0.1:8081"));
    }

    @Test
    void withoutAnOwnerTheAnswerIsUnavailableNotUnknown() {
        assertThat(KeyRoute.decide(KeyQueryMetadata.NOT_AVAILABLE, SELF, false))
                .isInstanceOf(KeyRoute.Unavailable.class);
        assertThat(KeyRoute.decide(null, SELF, false)).isInstanceOf(KeyRoute.Unavailable.class);
    }
}
