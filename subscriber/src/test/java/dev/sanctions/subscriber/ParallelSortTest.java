package dev.sanctions.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParallelSortTest {

    /** A value and where it stood, to see that equal values keep their order. */
    private record Item(int value, int position) {}

    private static List<Item> items(int count, int distinct) {
        Random random = new Random(count);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(new Item(random.nextInt(distinct), i));
        }
        return items;
    }

    @Test
    void sortsOnSeveralThreadsAsOneStableSortWould() {
        for (int threads = 1; threads <= 4; threads++) {
            for (int count : new int[] {0, 1, 9_999, 25_000, 40_001}) {
                List<Item> items = items(count, 500);
                List<Item> expected = new ArrayList<>(items);
                expected.sort(Comparator.comparingInt(Item::value));

                List<Item> sorted = ParallelSort.sorted(items, Comparator.comparingInt(Item::value), threads);

                assertThat(sorted).as("%d items on %d threads", count, threads).isEqualTo(expected);
            }
        }
    }

    @Test
    void leavesTheListGivenAsItWas() {
        List<Item> items = items(30_000, 1_000);
        List<Item> before = List.copyOf(items);

        ParallelSort.sorted(items, Comparator.comparingInt(Item::value), 3);

        assertThat(items).isEqualTo(before);
    }
}
