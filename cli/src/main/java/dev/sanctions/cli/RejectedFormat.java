package dev.sanctions.cli;

import dev.sanctions.avro.RejectedAction;
import dev.sanctions.core.json.JsonForm;
import dev.sanctions.subscriber.Layout;
import dev.sanctions.subscriber.Table;
import dev.sanctions.subscriber.Table.Column;
import java.util.Optional;

/**
 * How {@code sanctions rejected} prints a {@link RejectedAction}: JSON lines, the JSON form every tool prints
 * (docs/events.md: Avro field names, instants in UTC with Z, enums as strings); a table, columns
 * {@code PUBLISHED ANNOUNCEMENT ACTION KEY REASON MESSAGE}, where ACTION is {@code #INDEX TYPE} and both ACTION and
 * KEY are {@code -} when the whole announcement was refused.
 */
record RejectedFormat(Layout layout, Table table) {

    RejectedFormat(Layout layout) {
        this(
                layout,
                layout.table(
                        Column.left("PUBLISHED", 20),
                        Column.left("ANNOUNCEMENT", 28),
                        Column.left("ACTION", 14),
                        Column.left("KEY", 28),
                        Column.left("REASON", 22),
                        Column.free("MESSAGE")));
    }

    Optional<String> header() {
        return !layout.json() ? Optional.of(table.header()) : Optional.empty();
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
        return table.row(
                rejected.getPublishedAt().toString(),
                rejected.getAnnouncementId(),
                action,
                rejected.getDesignationKey() == null ? "-" : rejected.getDesignationKey(),
                rejected.getReason().name(),
                rejected.getMessage());
    }
}
