package dev.sanctions.processor.topology;

/** Headers that a {@code sanctions.dlq} record carries besides the original headers, all UTF-8 text. */
public final class DeadLetterHeaders {

    /** Why the record could not be read: exception class and message. */
    public static final String ERROR = "sanctions.error";

    /** Why, as one word: a {@link DeadLetterReason#label()} such as {@code undecodable}. */
    public static final String REASON = "sanctions.error.reason";

    public static final String SOURCE_TOPIC = "sanctions.source.topic";
    /** Decimal. */
    public static final String SOURCE_PARTITION = "sanctions.source.partition";
    /** Decimal. */
    public static final String SOURCE_OFFSET = "sanctions.source.offset";

    private DeadLetterHeaders() {}
}
