package dev.sanctions.replay;

import dev.sanctions.avro.DesignationState;
import java.util.Collections;
import java.util.SortedMap;

/**
 * The outcome of re-folding the log: the state of every designation, sorted by key, and what was read.
 *
 * @param unreadable records that could not be decoded; the processor sent them to the dead-letter topic
 * @param misrouted announcements under another key than their authority or outside its partition; the processor
 *     rejected them as {@code MISROUTED}
 */
public record Refold(
        SortedMap<String, DesignationState> states, long announcements, long actions, long unreadable, long misrouted) {

    public Refold {
        states = Collections.unmodifiableSortedMap(states);
    }
}
