package dev.sanctions.processor.setup;

import dev.sanctions.core.AnnouncementSize;

/**
 * The largest records the pipeline's topics and its processor's producer carry. Publish refuses an announcement
 * over {@link AnnouncementSize#LIMIT_BYTES} (8 MiB); the core rules keep every state under 2 MiB and every
 * notification under 4 MiB. What the processor writes may still be as large as a record on the announcements
 * topic: a dead letter copies one, with its error headers, and a refused announcement's rejection repeats its id.
 */
public final class RecordLimits {

    /** {@code max.message.bytes} of the announcements topic: twice what publish accepts. */
    public static final int ANNOUNCEMENT_TOPIC_BYTES = 16 * 1024 * 1024;

    /**
     * {@code max.message.bytes} of every topic the processor writes (its changelogs included) and its producer's
     * {@code max.request.size}: any announcement record, plus 1 MiB for the headers and framing of a dead letter.
     */
    public static final int OUTPUT_RECORD_BYTES = ANNOUNCEMENT_TOPIC_BYTES + 1024 * 1024;

    private RecordLimits() {}
}
