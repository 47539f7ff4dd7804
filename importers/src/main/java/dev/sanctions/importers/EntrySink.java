package dev.sanctions.importers;

import dev.sanctions.avro.Action;

/** Receives what a format reads, in file order: each complete entry, and each problem it can read past. */
public interface EntrySink {
    /** One complete entry: a {@code DESIGNATE} action carrying everything the list says of one target. */
    void entry(Action entry, SourcePosition at);

    /** Something wrong at {@code at}; reading goes on so one run reports every problem, but nothing is published. */
    void problem(SourcePosition at, String message);
}
