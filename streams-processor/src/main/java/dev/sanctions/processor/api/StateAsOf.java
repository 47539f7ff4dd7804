package dev.sanctions.processor.api;

import dev.sanctions.avro.DesignationState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The state of one designation as it was at an instant, judged by {@code publishedAt}: of the versions
 * whose {@code lastChangedAt} (the {@code publishedAt} of the announcement that made them) is at or before
 * the instant, the one with the highest version number. Highest version, not latest {@code lastChangedAt}:
 * when an announcement published earlier reached the log later, its change still came after the others.
 */
final class StateAsOf {

    private StateAsOf() {}

    static Optional<DesignationState> select(List<DesignationState> versions, Instant asOf) {
        return versions.stream()
                .filter(state -> !state.getLastChangedAt().isAfter(asOf))
                .max(Comparator.comparingLong(DesignationState::getVersion));
    }
}
