package dev.sanctions.cli;

import dev.sanctions.avro.RejectedAction;
import dev.sanctions.core.json.JsonForm;
import dev.sanctions.subscriber.DisplayText;
import java.util.Optional;

/**
 * How {@code sanctions rejected} prints a {@link RejectedAction}: JSON lines, the JSON form every tool prints
 * (docs/events.md: Avro field names, instants in UTC with Z, enums as strings); a table, columns
 * {@code PUBLISHED ANNOUNCEMENT ACTION KEY REASON MESSAGE}, where ACTION is {@code #INDEX TYPE} and both ACTION and
 * KEY are {@code -} when the whole announcement was refused.
 */
record RejectedFormat(Layout layout) {

    private static final String GAP = "  ";

    Optional<String> header() {
        return !layout.json()
                ? Optional.of(row("PUBLISHED", "ANNOUNCEMENT", "ACTION", "KEY", "REASON", "MESSAGE"))
                : Optional.empty();
    }

    String line(RejectedAction rejected) {
        if (layout.json()) {
            return JsonForm.of(rejected);
        }
        String action = rejected.getActionIndex() == null
                ? "-"
                : "#" + rejected.getActionIndex()
                        + (rejected.getAction() == null
                                ? ""
                                : " " + rejected.getAction().name());
        return row(
                rejected.getPublishedAt().toString(),
                rejected.getAnnouncementId(),
                action,
                rejected.getDesignationKey() == null ? "-" : rejected.getDesignationKey(),
                rejected.getReason().name(),
                rejected.getMessage());
    }

    private String row(
            String published, String announcement, String action, String key, String reason, String message) {
        return (layout.column(published, 20)
                        + GAP
                        + layout.column(announcement, 28)
                        + GAP
                        + layout.column(action, 14)
                        + GAP
                        + layout.column(key, 28)
                        + GAP
                        + layout.column(reason, 22)
                        + GAP
                        + DisplayText.printable(message))
                .stripTrailing();
    }
}
