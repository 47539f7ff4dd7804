package dev.sanctions.subscriber;

import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * Prints what a subscriber delivers in a {@link ChangeFormat}, one line per state or notification, flushed at
 * once so a pipe sees each line as it arrives. Version gaps go to {@code err}, keeping {@code out} parseable. When
 * the output's reader has gone, the next line throws {@link OutputClosed}, which ends the run.
 */
public final class PrintingListener implements DesignationListener {

    private final ChangeFormat format;
    private final LinePrinter out;
    private final PrintWriter err;
    private boolean headerPrinted;

    public PrintingListener(ChangeFormat format, PrintWriter out, PrintWriter err) {
        this.format = Objects.requireNonNull(format, "format");
        this.out = new LinePrinter(out);
        this.err = Objects.requireNonNull(err, "err");
    }

    @Override
    public void onSnapshot(DesignationState state) {
        print(format.snapshotLine(state));
    }

    @Override
    public void onChange(DesignationChange change) {
        print(format.changeLine(change));
    }

    @Override
    public void onGap(String designationKey, long expected, long received) {
        err.println("GAP " + designationKey + ": expected version " + expected + ", received " + received
                + "; notifications were lost upstream");
        err.flush();
    }

    private void print(String line) {
        if (!headerPrinted) {
            headerPrinted = true;
            format.header().ifPresent(out::println);
        }
        out.println(line);
    }
}
