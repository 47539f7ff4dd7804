package dev.sanctions.cli;

import java.io.PrintWriter;
import java.util.function.LongConsumer;

/** A one-line counter on stderr, only when stderr is a terminal; silent in scripts and pipes. */
final class Progress implements LongConsumer, AutoCloseable {

    private static final long EVERY_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final String what;
    private final boolean enabled;
    private long lastPrinted;
    private boolean printed;

    Progress(PrintWriter err, String what) {
        this.err = err;
        this.what = what;
        this.enabled = System.console() != null;
    }

    @Override
    public void accept(long count) {
        long now = System.nanoTime();
        if (enabled && now - lastPrinted > EVERY_NANOS) {
            lastPrinted = now;
            printed = true;
            err.print("\r" + what + ": " + count + " records read");
            err.flush();
        }
    }

    @Override
    public void close() {
        if (printed) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
