package dev.sanctions.replay;

import java.util.List;

/** The result of comparing the designations topic with the re-folded log. */
public record Verification(Refold refold, long stateRecords, List<Difference> differences) {

    public Verification {
        differences = List.copyOf(differences);
    }

    public boolean agrees() {
        return differences.isEmpty();
    }
}
