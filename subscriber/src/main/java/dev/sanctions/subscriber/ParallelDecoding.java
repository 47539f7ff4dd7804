package dev.sanctions.subscriber;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Decodes a list of values on several threads at once, for the snapshot: once the newest record of every key is
 * known, decoding them is independent work, and it is most of a snapshot's time. The results come back in the
 * order given and a failure is rethrown as if decoding had run in that order: the first failing value's error.
 */
final class ParallelDecoding {

    /** Below this many values per thread, starting threads costs more than it saves. */
    private static final int MIN_PER_THREAD = 2_000;

    private ParallelDecoding() {}

    /** Threads for this machine: one per core, at most four. */
    static int threadsForThisMachine() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** {@code decode} applied to every value, on up to {@code threads} threads (the caller's among them). */
    static <V, T> List<T> decodeAll(List<V> values, Function<? super V, ? extends T> decode, int threads) {
        return decodeAll(values, decode, threads, false);
    }

    /**
     * As {@link #decodeAll(List, Function, int)}, letting go of each value once it is decoded: its slot in {@code
     * values}, which must be modifiable, becomes null. The snapshot's records and its states together did not fit
     * where the states alone do.
     */
    static <V, T> List<T> decodeAndRelease(List<V> values, Function<? super V, ? extends T> decode, int threads) {
        return decodeAll(values, decode, threads, true);
    }

    private static <V, T> List<T> decodeAll(
            List<V> values, Function<? super V, ? extends T> decode, int threads, boolean release) {
        int n = values.size();
        int used = Math.max(1, Math.min(threads, n / MIN_PER_THREAD));
        // A slot holds the decoded value, or what decoding it threw (its chunk stops there).
        Object[] results = new Object[n];
        List<Thread> helpers = new ArrayList<>();
        for (int chunk = 1; chunk < used; chunk++) {
            int from = (int) ((long) n * chunk / used);
            int to = (int) ((long) n * (chunk + 1) / used);
            Thread helper = new Thread(
                    () -> decodeRange(values, decode, results, from, to, release),
                    "sanctions-snapshot-decoding-" + chunk);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        decodeRange(values, decode, results, 0, (int) ((long) n / used), release);
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                helpers.forEach(Thread::interrupt);
                Thread.currentThread().interrupt();
                throw new SubscriptionException("interrupted while decoding the snapshot", e);
            }
        }
        List<T> decoded = new ArrayList<>(n);
        for (Object result : results) {
            if (result instanceof RuntimeException e) {
                throw e;
            }
            if (result instanceof Error e) {
                throw e;
            }
            @SuppressWarnings("unchecked")
            T value = (T) result;
            decoded.add(value);
        }
        return decoded;
    }

    private static <V, T> void decodeRange(
            List<V> values,
            Function<? super V, ? extends T> decode,
            Object[] results,
            int from,
            int to,
            boolean release) {
        for (int i = from; i < to; i++) {
            try {
                results[i] = decode.apply(values.get(i));
                if (release) {
                    // Each thread its own slots, and the caller reads the list only after joining them all.
                    values.set(i, null);
                }
            } catch (RuntimeException | Error e) {
                // Kept for the caller, so a helper's failure cannot pass for a tombstone.
                results[i] = e;
                return;
            }
        }
    }
}
