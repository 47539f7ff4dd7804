package dev.sanctions.subscriber;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts a list on several threads at once, for the snapshot's hundreds of thousands of states: each thread sorts a
 * slice, and the caller merges the sorted slices in one pass. {@code Arrays.parallelSort} would not help where it
 * matters, on two cores: the common pool it uses then has one thread, and it sorts on the caller alone.
 */
final class ParallelSort {

    /** Below this many items per thread, starting threads costs more than it saves. */
    private static final int MIN_PER_THREAD = 10_000;

    private ParallelSort() {}

    /** A new list of {@code items} sorted by {@code order} (stable), using up to {@code threads} threads. */
    static <T> List<T> sorted(List<T> items, Comparator<? super T> order, int threads) {
        int n = items.size();
        int used = Math.max(1, Math.min(threads, n / MIN_PER_THREAD));
        List<List<T>> slices = new ArrayList<>(used);
        for (int slice = 0; slice < used; slice++) {
            slices.add(new ArrayList<>(
                    items.subList((int) ((long) n * slice / used), (int) ((long) n * (slice + 1) / used))));
        }
        List<Thread> helpers = new ArrayList<>();
        for (int slice = 1; slice < used; slice++) {
            List<T> mine = slices.get(slice);
            Thread helper = new Thread(() -> mine.sort(order), "sanctions-snapshot-sorting-" + slice);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        slices.get(0).sort(order);
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                helpers.forEach(Thread::interrupt);
                Thread.currentThread().interrupt();
                throw new SubscriptionException("interrupted while sorting the snapshot", e);
            }
        }
        return merge(slices, order, n);
    }

    /** Sorted slices merged; of equal items, the one of the earlier slice first, so the sort stays stable. */
    private static <T> List<T> merge(List<List<T>> slices, Comparator<? super T> order, int n) {
        if (slices.size() == 1) {
            return slices.get(0);
        }
        List<T> merged = new ArrayList<>(n);
        int[] next = new int[slices.size()];
        for (int out = 0; out < n; out++) {
            int smallest = -1;
            for (int slice = 0; slice < slices.size(); slice++) {
                if (next[slice] < slices.get(slice).size()
                        && (smallest < 0
                                || order.compare(
                                                slices.get(slice).get(next[slice]),
                                                slices.get(smallest).get(next[smallest]))
                                        < 0)) {
                    smallest = slice;
                }
            }
            merged.add(slices.get(smallest).get(next[smallest]++));
        }
        return merged;
    }
}
