package dev.sanctions.cli;

import dev.sanctions.subscriber.LinePrinter;
import java.io.PrintWriter;
import java.util.Optional;

/** Lines on stdout with an optional header before the first, as {@code subscribe} prints them. */
final class Rows {

    private final LinePrinter out;
    private Optional<String> header;

    Rows(PrintWriter out, Optional<String> header) {
        this.out = new LinePrinter(out);
        this.header = header;
    }

    void print(String line) {
        header.ifPresent(out::println);
        header = Optional.empty();
        out.println(line);
    }
}
