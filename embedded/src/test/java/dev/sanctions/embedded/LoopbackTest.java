package dev.sanctions.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.RepeatedTest;

class LoopbackTest {

    @RepeatedTest(20)
    void portsAskedTogetherAreDifferentAndFree() {
        int[] ports = Loopback.freePorts(16);

        assertThat(ports).doesNotHaveDuplicates().doesNotContain(0);
        assertThat(Arrays.stream(ports).allMatch(Loopback::isFree)).isTrue();
    }
}
