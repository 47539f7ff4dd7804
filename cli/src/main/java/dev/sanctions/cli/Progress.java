package dev.sanctions.cli;

import java.io.PrintWriter;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * A one-line counter on stderr, only when stderr is a terminal; silent in scripts and pipes. Rewritten in place at
 * most five times a second, and cleared on {@link #close()}. Safe to feed from another thread (a producer's
 * acknowledgements).
 */
final class Progress implements LongConsumer, AutoCloseable {

    private static final long EVERY_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final String what;
    private final String counted;
    private final long total;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private long lastPrinted;
    private boolean printed;

    /** {@code replay: 1234 records read}. */
    Progress(PrintWriter err, String what) {
        this(err, what, "records read", 0);
    }

    /**
     * A counter of {@code total} things ({@code publish: 1200 of 5000 actions written}), or of an open number when
     * {@code total} is 0.
     */
    Progress(PrintWriter err, String what, String counted, long total) {
        this(err, what, counted, total, System.console() != null, System::nanoTime);
    }

    /** With {@code terminal} saying whether stderr is a terminal, and a clock in nanoseconds: for tests. */
    Progress(PrintWriter err, String what, String counted, long total, boolean terminal, LongSupplier nanoTime) {
        this.err = err;
        this.what = what;
        this.counted = counted;
        this.total = total;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized void accept(long count) {
        if (!terminal) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (!printed || now - lastPrinted >= EVERY_NANOS) {
            lastPrinted = now;
            printed = true;
            String of = total > 0 ? " of " + total : "";
            err.print("\r" + what + ": " + count + of + " " + counted);
            err.flush();
        }
    }

    @Override
    public synchronized void close() {
        if (printed) {
            err.print("\r\033[K");
            err.flush();
            printed = false;
        }
    }
}
