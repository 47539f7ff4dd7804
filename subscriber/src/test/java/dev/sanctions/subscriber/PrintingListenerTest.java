package dev.sanctions.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
}
