package dev.sanctions.replay;

/** One designation on which the designations topic and the re-folded log disagree. */
public record Difference(String designationKey, String description) {

    @Override
    public String toString() {
        return designationKey + ": " + description;
    }
}
