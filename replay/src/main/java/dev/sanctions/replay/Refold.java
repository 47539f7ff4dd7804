package dev.sanctions.replay;

import dev.sanctions.avro.DesignationState;
import java.util.Collections;
import java.util.SortedMap;

/**
 * The outcome of re-folding the log: the state of every designation, sorted by key, and what was read.
 *
 * @param unreadable records that could not be decoded; the processor sent them to the dead-letter topic
 */
public record Refold(SortedMap<String, DesignationState> states, long announcements, long actions, long unreadable) {

    public Refold {
        states = Collections.unmodifiableSortedMap(states);
    }
}
