package dev.sanctions.processor.topology;

/**
 * Why a record on the announcements topic could not be read: the value of the
 * {@link DeadLetterHeaders#REASON} header and the {@code reason} label of the dead-letter counter.
 */
public enum DeadLetterReason {
    /** A null value (a tombstone): there is nothing to read. */
    NO_VALUE("no-value"),
    /** Shorter than the framing, or not starting with its magic byte 0: not schema-registry Avro at all. */
    NOT_FRAMED("not-framed"),
    /** The schema id in the framing is unknown to the registry. */
    UNKNOWN_SCHEMA_ID("unknown-schema-id"),
    /** Framed Avro of another record type. */
    NOT_AN_ANNOUNCEMENT("not-an-announcement"),
    /** The Avro body does not decode with its schema (cut short, a length it cannot have, a bad branch). */
    UNDECODABLE("undecodable");

    private final String label;

    DeadLetterReason(String label) {
        this.label = label;
    }

    /** Lower-case, hyphenated: what the header and the metric carry. */
    public String label() {
        return label;
    }
}
