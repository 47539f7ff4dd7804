package dev.sanctions.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrintingListenerTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void theTableHeaderComesOnceBeforeTheFirstRow() {
        PrintingListener listener =
                new PrintingListener(ChangeFormat.TABLE, new PrintWriter(out), new PrintWriter(err));
        listener.onSnapshot(Designations.state("JP-MOFA/A", "JP", 1, "A"));
        listener.onChange(Designations.change("JP-MOFA/A", "JP", 2));

        assertThat(out.toString().lines()).hasSize(3);
        assertThat(out.toString().lines().findFirst())
                .hasValueSatisfying(h -> assertThat(h).startsWith("TYPE"));
        assertThat(out.toString().lines().skip(1))
                .allSatisfy(line -> assertThat(line).doesNotStartWith("TYPE"));
    }

    @Test
    void jsonLinesAreOnePerObjectWithoutHeader() {
        PrintingListener listener = new PrintingListener(ChangeFormat.JSON, new PrintWriter(out), new PrintWriter(err));
        listener.onSnapshot(Designations.state("JP-MOFA/A", "JP", 1, "A"));
        listener.onChange(Designations.change("JP-MOFA/A", "JP", 2));

        assertThat(out.toString().lines())
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("{\"").endsWith("}"));
    }

    @Test
    void aGapGoesToTheErrorStreamSoTheOutputStaysParseable() {
        PrintingListener listener = new PrintingListener(ChangeFormat.JSON, new PrintWriter(out), new PrintWriter(err));
        listener.onGap("JP-MOFA/A", 3, 5);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("GAP JP-MOFA/A").contains("expected version 3, received 5");
    }

    @Test
    void aClosedOutputEndsTheRunAtTheNextLine() {
        ClosingPipe pipe = new ClosingPipe();
        // As System.out is: a PrintStream that swallows the write failure and only records it.
        PrintWriter stdout =
                new PrintWriter(new PrintStream(pipe, true, StandardCharsets.UTF_8), true, StandardCharsets.UTF_8);
        PrintingListener listener = new PrintingListener(ChangeFormat.JSON, stdout, new PrintWriter(err));
        listener.onChange(Designations.change("JP-MOFA/A", "JP", 1));
        listener.onChange(Designations.change("JP-MOFA/A", "JP", 2));

        pipe.closedByReader = true;

        assertThatThrownBy(() -> listener.onChange(Designations.change("JP-MOFA/A", "JP", 3)))
                .isInstanceOf(OutputClosed.class);
        assertThat(pipe.written.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
    }

    /** Takes bytes until its reader goes, then fails every write as a closed pipe does (EPIPE). */
    private static final class ClosingPipe extends OutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        volatile boolean closedByReader;

        @Override
        public void write(int b) throws IOException {
            if (closedByReader) {
                throw new IOException("Broken pipe");
            }
            written.write(b);
        }
    }
}
