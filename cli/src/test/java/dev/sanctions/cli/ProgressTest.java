package dev.sanctions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line of long work (replay, snapshots, big publishes and imports): on a terminal only. */
class ProgressTest {

    private static final long MILLI = 1_000_000L;

    private final StringWriter err = new StringWriter();
    private final AtomicLong clock = new AtomicLong(123 * MILLI);

    @Test
    void onATerminalCountsAgainstTheTotalAtMostFiveTimesASecondAndClearsTheLineAtTheEnd() {
        try (Progress progress = progress(true)) {
            progress.accept(100);
            clock.addAndGet(50 * MILLI);
            progress.accept(200);
            clock.addAndGet(150 * MILLI);
            progress.accept(300);
        }

        assertThat(err.toString())
                .isEqualTo("\rpublish: 100 of 5000 actions written\rpublish: 300 of 5000 actions written\r\033[K");
    }

    @Test
    void printsTheFirstCountAtOnceWhateverTheClockSays() {
        clock.set(-5 * MILLI);
        try (Progress progress = progress(true)) {
            progress.accept(1);
        }

        assertThat(err.toString()).startsWith("\rpublish: 1 of 5000 actions written");
    }

    @Test
    void withoutATotalCountsOnly() {
        try (Progress progress =
                new Progress(new PrintWriter(err, true), "import", "entries read", 0, true, clock::get)) {
            progress.accept(7);
        }

        assertThat(err.toString()).isEqualTo("\rimport: 7 entries read\r\033[K");
    }

    @Test
    void printsNothingWhenStderrIsNoTerminal() {
        try (Progress progress = progress(false)) {
            progress.accept(100);
            clock.addAndGet(1000 * MILLI);
            progress.accept(5000);
        }

        assertThat(err.toString()).isEmpty();
    }

    private Progress progress(boolean terminal) {
        return new Progress(new PrintWriter(err, true), "publish", "actions written", 5000, terminal, clock::get);
    }
}
