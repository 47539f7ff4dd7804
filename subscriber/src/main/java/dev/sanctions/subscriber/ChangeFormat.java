package dev.sanctions.subscriber;

import dev.sanctions.avro.ChangeType;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.avro.Measure;
import dev.sanctions.core.ChangedFields;
import dev.sanctions.core.json.JsonForm;
import dev.sanctions.subscriber.Table.Column;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How {@code sanctions subscribe} and {@code sanctions state} print states and notifications, one line each.
 *
 * <p>JSON: the JSON form of docs/events.md (a snapshot line is a {@code DesignationState}, a notification line a
 * {@code DesignationChange}; only the latter has {@code changeId}). Table, for people (docs/commands.md):
 * {@code TYPE VERSION KEY NAME CHANGED SINCE EFFECTIVE FIELDS MEASURES}, where TYPE is the change type, or
 * {@code SNAPSHOT} for a snapshot row; CHANGED is the date of the last change and SINCE that of the first
 * designation (UTC); FIELDS the changed fields; MEASURES the measure types, as {@code before → after} when the
 * change altered them. Long keys, names and field lists are cut with {@code …} so the columns stay aligned, unless
 * the layout is wide, which shows them in full and the instants to the second.
 */
public record ChangeFormat(Layout layout) {

    public static final ChangeFormat TABLE = new ChangeFormat(Layout.TABLE);
    public static final ChangeFormat JSON = new ChangeFormat(Layout.JSON);

    private static final String ARROW = " → ";
    private static final String NONE = "-";
    /** Cells a measure's detail may take in the table: details are free text, some of them paragraphs. */
    static final int DETAIL_WIDTH = 24;

    public ChangeFormat {
        Objects.requireNonNull(layout, "layout");
    }

    /** {@code table} or {@code json}, any case, not wide. */
    public static ChangeFormat parse(String text) {
        return new ChangeFormat(Layout.parse(text, false));
    }

    /** The line to print before any other: the column titles of the table; none for JSON lines. */
    public Optional<String> header() {
        return layout.json() ? Optional.empty() : Optional.of(table("TYPE").header());
    }

    /** The header of {@link #stateLine} rows, whose first column is the status. */
    public Optional<String> stateHeader() {
        return layout.json() ? Optional.empty() : Optional.of(table("STATUS").header());
    }

    /** One state of the snapshot. */
    public String snapshotLine(DesignationState state) {
        return layout.json() ? JsonForm.of(state) : stateRow("SNAPSHOT", state);
    }

    /** One state as {@code state get} and {@code state list} show it: its status first. */
    public String stateLine(DesignationState state) {
        return layout.json() ? JsonForm.of(state) : stateRow(state.getStatus().name(), state);
    }

    /** One notification. */
    public String changeLine(DesignationChange change) {
        if (layout.json()) {
            return JsonForm.of(change);
        }
        return table("TYPE")
                .row(
                        change.getChangeType().name(),
                        Long.toString(change.getVersion()),
                        change.getDesignationKey(),
                        name(change.getAfter()),
                        instant(change.getPublishedAt()),
                        instant(change.getAfter().getFirstDesignatedAt()),
                        effective(change.getEffectiveFrom()),
                        fields(change.getChangedFields()),
                        measures(change.getBefore(), change.getAfter()));
    }

    /**
     * One version of a designation's history ({@code state history}), read as the change from the version
     * before it ({@code null} for the first): the same row as the notification that made it.
     */
    public String historyLine(DesignationState before, DesignationState after) {
        if (layout.json()) {
            return JsonForm.of(after);
        }
        return table("TYPE")
                .row(
                        changeType(before, after).name(),
                        Long.toString(after.getVersion()),
                        after.getDesignationKey(),
                        name(after),
                        instant(after.getLastChangedAt()),
                        instant(after.getFirstDesignatedAt()),
                        effective(after.getEffectiveFrom()),
                        before == null ? NONE : fields(ChangedFields.between(before, after)),
                        measures(before, after));
    }

    private String stateRow(String type, DesignationState state) {
        return table("STATUS")
                .row(
                        type,
                        Long.toString(state.getVersion()),
                        state.getDesignationKey(),
                        name(state),
                        instant(state.getLastChangedAt()),
                        instant(state.getFirstDesignatedAt()),
                        effective(state.getEffectiveFrom()),
                        NONE,
                        measures(null, state));
    }

    private Table table(String first) {
        return layout.table(
                Column.left(first, 10),
                Column.right("VERSION", 7),
                Column.left("KEY", 26),
                Column.left("NAME", 28),
                Column.left("CHANGED", 10),
                Column.left("SINCE", 10),
                Column.left("EFFECTIVE", 10),
                Column.left("FIELDS", 24),
                Column.free("MEASURES"));
    }

    /** The fold's notification type for a version: designated first or again, delisted, else amended. */
    private static ChangeType changeType(DesignationState before, DesignationState after) {
        if (before == null || before.getStatus() == DesignationStatus.DELISTED) {
            return ChangeType.DESIGNATED;
        }
        return after.getStatus() == DesignationStatus.DELISTED ? ChangeType.DELISTED : ChangeType.AMENDED;
    }

    /** A date (UTC) in the table; the instant itself when wide. */
    private String instant(Instant instant) {
        if (instant == null) {
            return NONE;
        }
        return layout.wide()
                ? instant.toString()
                : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    /** The date as the announcement wrote it (its own calendar day); in full when wide. */
    private String effective(String effectiveFrom) {
        if (effectiveFrom == null || effectiveFrom.isBlank()) {
            return NONE;
        }
        boolean instant = effectiveFrom.length() > 10 && effectiveFrom.charAt(10) == 'T';
        return instant && !layout.wide() ? effectiveFrom.substring(0, 10) : effectiveFrom;
    }

    private static String fields(List<String> changedFields) {
        return changedFields == null || changedFields.isEmpty() ? NONE : String.join(", ", changedFields);
    }

    private static String name(DesignationState state) {
        String name = state.getTarget() == null ? null : state.getTarget().getName();
        return name == null || name.isBlank() ? NONE : name;
    }

    /**
     * The measure types of {@code after}, each once in the state's order; {@code before → after} when the change
     * altered the measures, with their details when the types alone would read the same on both sides (cut to
     * {@link #DETAIL_WIDTH} cells unless wide).
     */
    private String measures(DesignationState before, DesignationState after) {
        String now = measureTypes(after);
        if (before == null || Objects.equals(before.getMeasures(), after.getMeasures())) {
            return now;
        }
        String then = measureTypes(before);
        if (then.equals(now)) {
            return measureDetails(before) + ARROW + measureDetails(after);
        }
        return then + ARROW + now;
    }

    private static String measureTypes(DesignationState state) {
        List<Measure> measures = state.getMeasures();
        if (measures == null || measures.isEmpty()) {
            return state.getStatus() == DesignationStatus.DELISTED ? "(delisted)" : NONE;
        }
        return measures.stream().map(m -> m.getType().name()).distinct().collect(Collectors.joining(", "));
    }

    private String measureDetails(DesignationState state) {
        return state.getMeasures().stream()
                .map(m ->
                        m.getDetail() == null ? m.getType().name() : m.getType().name() + " (" + detail(m) + ")")
                .collect(Collectors.joining(", "));
    }

    private String detail(Measure measure) {
        return layout.wide()
                ? measure.getDetail()
                : DisplayText.fit(measure.getDetail(), DETAIL_WIDTH).stripTrailing();
    }
}
