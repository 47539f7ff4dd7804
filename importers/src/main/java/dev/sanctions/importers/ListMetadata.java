package dev.sanctions.importers;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a list file says about itself.
 *
 * @param publishedAt the file's own date (UN {@code dateGenerated}, OFAC {@code Publish_Date}, EU
 *                    {@code generationDate}); empty when the file carries none (OFAC's CSV files)
 * @param list        the list the file holds, e.g. {@code SDN}
 */
public record ListMetadata(Optional<Instant> publishedAt, String list) {
    public ListMetadata {
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(list, "list");
    }
}
