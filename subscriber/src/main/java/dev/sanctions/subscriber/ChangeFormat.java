package dev.sanctions.subscriber;

import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.avro.Measure;
import dev.sanctions.core.json.JsonForm;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How {@code sanctions subscribe} prints states and notifications, one line each.
 *
 * <p>{@link #JSON}: the JSON form of docs/events.md (a snapshot line is a {@code DesignationState}, a notification
 * line a {@code DesignationChange}; only the latter has {@code changeId}). {@link #TABLE}: fixed-width columns for
 * people, {@code TYPE VERSION KEY NAME EFFECTIVE MEASURES}, where TYPE is {@code SNAPSHOT} for a snapshot row and the
 * change type otherwise; long keys and names are cut with an ellipsis so the columns stay aligned.
 */
public enum ChangeFormat {
    TABLE,
    JSON;

    static final int TYPE_WIDTH = 10;
    static final int VERSION_WIDTH = 7;
    static final int KEY_WIDTH = 32;
    static final int NAME_WIDTH = 32;
    static final int EFFECTIVE_WIDTH = 20;
    private static final String GAP = "  ";

    /** {@code table} or {@code json}, any case. */
    public static ChangeFormat parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "table" -> TABLE;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("expected 'table' or 'json', got '" + text + "'");
        };
    }

    /** The line to print before any other: the column titles of the table; none for JSON lines. */
    public Optional<String> header() {
        return this == TABLE
                ? Optional.of(row("TYPE", "VERSION", "KEY", "NAME", "EFFECTIVE", "MEASURES"))
                : Optional.empty();
    }

    /** One state of the snapshot. */
    public String snapshotLine(DesignationState state) {
        if (this == JSON) {
            return JsonForm.of(state);
        }
        return row(
                "SNAPSHOT",
                Long.toString(state.getVersion()),
                state.getDesignationKey(),
                name(state),
                state.getEffectiveFrom(),
                measures(state));
    }

    /** One notification. */
    public String changeLine(DesignationChange change) {
        if (this == JSON) {
            return JsonForm.of(change);
        }
        return row(
                change.getChangeType().name(),
                Long.toString(change.getVersion()),
                change.getDesignationKey(),
                name(change.getAfter()),
                change.getEffectiveFrom(),
                measures(change.getAfter()));
    }

    private static String row(String type, String version, String key, String name, String effective, String measures) {
        String line = DisplayText.fit(type, TYPE_WIDTH)
                + GAP
                + DisplayText.right(version, VERSION_WIDTH)
                + GAP
                + DisplayText.fit(key, KEY_WIDTH)
                + GAP
                + DisplayText.fit(name, NAME_WIDTH)
                + GAP
                + DisplayText.fit(effective, EFFECTIVE_WIDTH)
                + GAP
                + DisplayText.printable(measures);
        return line.stripTrailing();
    }

    private static String name(DesignationState state) {
        String name = state.getTarget().getName();
        return name == null || name.isBlank() ? "-" : name;
    }

    /** Measure types in the state's order, each once; a delisted designation has none left. */
    private static String measures(DesignationState state) {
        List<Measure> measures = state.getMeasures();
        if (measures.isEmpty()) {
            return state.getStatus() == DesignationStatus.DELISTED ? "(delisted)" : "-";
        }
        return measures.stream().map(m -> m.getType().name()).distinct().collect(Collectors.joining(","));
    }
}
