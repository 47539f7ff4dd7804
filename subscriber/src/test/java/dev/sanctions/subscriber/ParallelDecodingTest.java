package dev.sanctions.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelDecodingTest {

    private static final List<Integer> VALUES =
            IntStream.range(0, 20_000).boxed().toList();

    @Test
    void resultsComeBackInTheOrderGivenDecodedOnSeveralThreads() {
        Set<String> threads = ConcurrentHashMap.newKeySet();

        List<String> decoded = ParallelDecoding.decodeAll(
                VALUES,
                value -> {
                    threads.add(Thread.currentThread().getName());
                    return value % 1_000 == 0 ? null : "v" + value;
                },
                4);

        assertThat(decoded).hasSize(VALUES.size());
        for (int i = 0; i < VALUES.size(); i++) {
            assertThat(decoded.get(i)).isEqualTo(i % 1_000 == 0 ? null : "v" + i);
        }
        assertThat(threads).hasSize(4);
    }

    @Test
    void theFirstFailureInTheOrderGivenIsRethrownWhicheverThreadMetItFirst() {
        assertThatThrownBy(() -> ParallelDecoding.decodeAll(
                        VALUES,
                        value -> {
                            if (value == 4_000 || value == 17_000) {
                                throw new IllegalStateException("cannot read " + value);
                            }
                            return value;
                        },
                        4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot read 4000");
    }

    @Test
    void aFewValuesAreDecodedOnTheCallersThreadAlone() {
        Set<String> threads = ConcurrentHashMap.newKeySet();

        ParallelDecoding.decodeAll(
                VALUES.subList(0, 100),
                value -> threads.add(Thread.currentThread().getName()),
                4);

        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void releasingLetsGoOfEveryValueOnceDecodedAndDecodesAlike() {
        List<Integer> values = new ArrayList<>(VALUES);

        List<String> decoded = ParallelDecoding.decodeAndRelease(values, value -> "v" + value, 4);

        assertThat(decoded).isEqualTo(ParallelDecoding.decodeAll(VALUES, value -> "v" + value, 4));
        assertThat(values).hasSize(VALUES.size()).containsOnlyNulls();
    }
}
