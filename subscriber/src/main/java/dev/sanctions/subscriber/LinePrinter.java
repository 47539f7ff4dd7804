package dev.sanctions.subscriber;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Prints whole lines, each flushed at once so a pipe sees it as it arrives, and notices when nobody reads any
 * more. A {@link PrintWriter} never throws: it records a failed write (a closed pipe's {@code EPIPE}) for
 * {@link PrintWriter#checkError()}, which is asked after every line.
 */
public final class LinePrinter {

    private final PrintWriter out;

    public LinePrinter(PrintWriter out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Prints {@code line} and flushes it.
     *
     * @throws OutputClosed when the line could not be written: the reader has closed the output
     */
    public void println(String line) {
        out.println(line);
        if (out.checkError()) {
            throw new OutputClosed();
        }
    }
}
