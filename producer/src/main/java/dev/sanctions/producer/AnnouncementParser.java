package dev.sanctions.producer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Address;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.Identifier;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Snapshot;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads one announcement object from a token stream into Avro, checking what the Avro value cannot express:
 * JSON types, unknown and missing fields, enum spellings, instants and dates. It records the line of every value
 * and keeps going after a problem, so one pass reports all of them.
 */
final class AnnouncementParser {

    private static final List<String> ANNOUNCEMENT_FIELDS = List.of(
            "announcementId",
            "authority",
            "jurisdiction",
            "publishedAt",
            "effectiveFrom",
            "title",
            "summary",
            "legalBasis",
            "sourceUrl",
            "actions",
            "list",
            "snapshot");
    private static final List<String> SNAPSHOT_FIELDS = List.of("list", "maxDelistFraction");
    private static final List<String> ACTION_FIELDS = List.of("action", "target", "measures", "programs", "reason");
    private static final List<String> TARGET_FIELDS = List.of(
            "id",
            "kind",
            "name",
            "aliases",
            "birthDates",
            "birthPlaces",
            "nationalities",
            "position",
            "identifiers",
            "addresses",
            "remarks",
            "listedOn");
    private static final List<String> IDENTIFIER_FIELDS = List.of("type", "value", "country");
    private static final List<String> ADDRESS_FIELDS = List.of("text", "country");
    private static final List<String> MEASURE_FIELDS = List.of("type", "detail");

    private static final String INSTANT_FORM = "an ISO-8601 instant with offset, e.g. 2022-04-08T10:00:00+09:00";
    private static final String REQUIRED = "required";
    private static final int MAX_QUOTED = 60;

    private final JsonParser json;
    private final int lineOffset;
    private final SourceLines lines;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();
    private static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);

    private OffsetDateTime publishedAt;

    /**
     * @param json       positioned on the announcement's START_OBJECT
     * @param lineOffset added to the parser's line numbers (a JSON Lines record is parsed on its own)
     */
    AnnouncementParser(JsonParser json, int lineOffset) {
        this.json = json;
        this.lineOffset = lineOffset;
        this.lines = new SourceLines(line());
    }

    /** Reads up to and including the announcement's END_OBJECT. */
    ReadAnnouncement read() throws IOException {
        Announcement.Builder announcement = Announcement.newBuilder();
        int start = line();
        readObject("", ANNOUNCEMENT_FIELDS, (field, path) -> {
            switch (field) {
                case "announcementId" -> ifPresent(string(path), announcement::setAnnouncementId);
                case "authority" -> ifPresent(string(path), announcement::setAuthority);
                case "jurisdiction" -> ifPresent(string(path), announcement::setJurisdiction);
                case "publishedAt" -> publishedAt = publishedAt(path);
                case "effectiveFrom" -> ifPresent(effectiveFrom(path), announcement::setEffectiveFrom);
                case "title" -> ifPresent(string(path), announcement::setTitle);
                case "summary" -> ifPresent(string(path), announcement::setSummary);
                case "legalBasis" -> ifPresent(string(path), announcement::setLegalBasis);
                case "sourceUrl" -> ifPresent(string(path), announcement::setSourceUrl);
                case "actions" ->
                    ifPresent(
                            list(path, "an array of actions", this::action, AnnouncementParser::noAction),
                            announcement::setActions);
                case "list" -> ifPresent(string(path), announcement::setList);
                case "snapshot" -> ifPresent(snapshot(path), announcement::setSnapshot);
                default -> throw new IllegalStateException("unhandled field " + field);
            }
        });
        require(announcement.hasAnnouncementId(), "announcementId", start);
        require(announcement.hasAuthority(), "authority", start);
        require(announcement.hasJurisdiction(), "jurisdiction", start);
        require(publishedAt != null, "publishedAt", start);
        require(announcement.hasTitle(), "title", start);
        require(announcement.hasActions(), "actions", start);

        // Placeholders let the core rules judge the rest; problems under these paths are already reported.
        if (!announcement.hasAnnouncementId()) {
            announcement.setAnnouncementId("");
        }
        if (!announcement.hasAuthority()) {
            announcement.setAuthority("");
        }
        if (!announcement.hasJurisdiction()) {
            announcement.setJurisdiction("");
        }
        if (!announcement.hasTitle()) {
            announcement.setTitle("");
        }
        if (!announcement.hasActions()) {
            announcement.setActions(List.of());
        }
        OffsetDateTime published = publishedAt != null ? publishedAt : Instant.EPOCH.atOffset(ZoneOffset.UTC);
        announcement.setPublishedAt(published.toInstant().truncatedTo(ChronoUnit.MILLIS));
        if (!announcement.hasEffectiveFrom()) {
            // The date of publication as the authority wrote it, not as UTC sees it.
            announcement.setEffectiveFrom(published.toLocalDate().toString());
        }
        return new ReadAnnouncement(announcement.build(), lines, List.copyOf(findings), Set.copyOf(reported));
    }

    /** What was found so far; used when the JSON breaks off in the middle of the announcement. */
    List<Finding> findings() {
        return List.copyOf(findings);
    }

    private Action action(String path) throws IOException {
        Action.Builder action = Action.newBuilder();
        int start = line();
        boolean object = readObject(path, ACTION_FIELDS, (field, fieldPath) -> {
            switch (field) {
                case "action" -> ifPresent(symbol(fieldPath, "action", ActionType.class), action::setAction);
                case "target" -> action.setTarget(target(fieldPath));
                case "measures" ->
                    ifPresent(
                            list(
                                    fieldPath,
                                    "an array of measures",
                                    this::measure,
                                    () -> new Measure(MeasureType.UNKNOWN, null)),
                            action::setMeasures);
                case "programs" -> ifPresent(strings(fieldPath), action::setPrograms);
                case "reason" -> ifPresent(string(fieldPath), action::setReason);
                default -> throw new IllegalStateException("unhandled field " + field);
            }
        });
        if (object) {
            require(action.hasAction(), FieldPaths.field(path, "action"), start);
            require(action.hasTarget(), FieldPaths.field(path, "target"), start);
        }
        if (!action.hasAction()) {
            action.setAction(ActionType.UNKNOWN);
        }
        if (!action.hasTarget()) {
            action.setTarget(noTarget());
        }
        return action.build();
    }

    private Target target(String path) throws IOException {
        Target.Builder target = Target.newBuilder();
        int start = line();
        boolean object = readObject(path, TARGET_FIELDS, (field, fieldPath) -> {
            switch (field) {
                case "id" -> ifPresent(string(fieldPath), target::setId);
                case "kind" -> ifPresent(symbol(fieldPath, "target kind", TargetKind.class), target::setKind);
                case "name" -> ifPresent(string(fieldPath), target::setName);
                case "aliases" -> ifPresent(strings(fieldPath), target::setAliases);
                case "birthDates" -> ifPresent(strings(fieldPath), target::setBirthDates);
                case "birthPlaces" -> ifPresent(strings(fieldPath), target::setBirthPlaces);
                case "nationalities" -> ifPresent(strings(fieldPath), target::setNationalities);
                case "position" -> ifPresent(string(fieldPath), target::setPosition);
                case "identifiers" ->
                    ifPresent(
                            list(
                                    fieldPath,
                                    "an array of identifiers",
                                    this::identifier,
                                    () -> new Identifier("", "", null)),
                            target::setIdentifiers);
                case "addresses" ->
                    ifPresent(
                            list(fieldPath, "an array of addresses", this::address, () -> new Address(null, null)),
                            target::setAddresses);
                case "remarks" -> ifPresent(string(fieldPath), target::setRemarks);
                case "listedOn" -> ifPresent(date(fieldPath), target::setListedOn);
                default -> throw new IllegalStateException("unhandled field " + field);
            }
        });
        if (object) {
            require(target.hasId(), FieldPaths.field(path, "id"), start);
        }
        if (!target.hasId()) {
            target.setId("");
        }
        return target.build();
    }

    /**
     * {@code {"list": "SDN", "maxDelistFraction": 0.25}}; the part numbers are the publisher's, never the file's.
     * The core rules judge the values.
     */
    private Snapshot snapshot(String path) throws IOException {
        Snapshot.Builder snapshot = Snapshot.newBuilder();
        int start = line();
        boolean object = readObject(path, SNAPSHOT_FIELDS, (field, fieldPath) -> {
            switch (field) {
                case "list" -> ifPresent(string(fieldPath), snapshot::setList);
                case "maxDelistFraction" -> ifPresent(number(fieldPath), snapshot::setMaxDelistFraction);
                default -> throw new IllegalStateException("unhandled field " + field);
            }
        });
        if (object) {
            require(snapshot.hasList(), FieldPaths.field(path, "list"), start);
        }
        if (!object) {
            return null;
        }
        if (!snapshot.hasList()) {
            snapshot.setList("");
        }
        return snapshot.build();
    }

    private Double number(String path) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NUMBER_INT || json.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            return json.getDoubleValue();
        }
        wrongType(path, "a number");
        return null;
    }

    /** An ISO date ({@code 2013-02-22}), as written. */
    private String date(String path) throws IOException {
        String text = string(path);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).toString();
        } catch (DateTimeParseException e) {
            report(path, line(), "must be an ISO date, e.g. 2013-02-22, found " + quote(text));
            return null;
        }
    }

    private Identifier identifier(String path) throws IOException {
        Identifier.Builder identifier = Identifier.newBuilder();
        int start = line();
        boolean object = readObject(path, IDENTIFIER_FIELDS, (field, fieldPath) -> {
            switch (field) {
                case "type" -> ifPresent(string(fieldPath), identifier::setType);
                case "value" -> ifPresent(string(fieldPath), identifier::setValue);
                case "country" -> ifPresent(string(fieldPath), identifier::setCountry);
                default -> throw new IllegalStateException("unhandled field " + field);
            }
        });
        if (object) {
            require(identifier.hasType(), FieldPaths.field(path, "type"), start);
            require(identifier.hasValue(), FieldPaths.field(path, "value"), start);
        }
        if (!identifier.hasType()) {
            identifier.setType("");
        }
        if (!identifier.hasValue()) {
            identifier.setValue("");
        }
        return identifier.build();
    }

    private Address address(String path) throws IOException {
        Address.Builder address = Address.newBuilder();
        readObject(path, ADDRESS_FIELDS, (field, fieldPath) -> {
            switch (field) {
                case "text" -> ifPresent(string(fieldPath), address::setText);
                case "country" -> ifPresent(string(fieldPath), address::setCountry);
                default -> throw new IllegalStateException("unhandled field " + field);
            }
        });
        return address.build();
    }

    /** A measure is written either as its type ({@code "ASSET_FREEZE"}) or as {@code {"type", "detail"}}. */
    private Measure measure(String path) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_STRING) {
            MeasureType type = symbol(path, "measure type", MeasureType.class);
            return new Measure(type != null ? type : MeasureType.UNKNOWN, null);
        }
        if (json.currentToken() != JsonToken.START_OBJECT) {
            wrongType(path, "a measure type or an object {\"type\", \"detail\"}");
            return new Measure(MeasureType.UNKNOWN, null);
        }
        Measure.Builder measure = Measure.newBuilder();
        int start = line();
        readObject(path, MEASURE_FIELDS, (field, fieldPath) -> {
            switch (field) {
                case "type" -> ifPresent(symbol(fieldPath, "measure type", MeasureType.class), measure::setType);
                case "detail" -> ifPresent(string(fieldPath), measure::setDetail);
                default -> throw new IllegalStateException("unhandled field " + field);
            }
        });
        require(measure.hasType(), FieldPaths.field(path, "type"), start);
        if (!measure.hasType()) {
            measure.setType(MeasureType.UNKNOWN);
        }
        return measure.build();
    }

    private OffsetDateTime publishedAt(String path) throws IOException {
        String text = string(path);
        if (text == null) {
            return null;
        }
        try {
            OffsetDateTime instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            if (instant.toInstant().isBefore(Instant.EPOCH)) {
                // A Kafka record timestamp cannot be negative, and publishedAt becomes the record timestamp.
                report(path, line(), "must not be before 1970-01-01T00:00:00Z, found " + quote(text));
                return null;
            }
            if (instant.toInstant().isAfter(Instant.now().plus(FUTURE_TOLERANCE))) {
                // Kafka refuses record timestamps more than an hour ahead of its clock (the broker default of
                // log.message.timestamp.after.max.ms); only this check reads the clock, and nothing of it is published.
                report(
                        path,
                        line(),
                        "must not be in the future (it is when the authority published the " + "announcement), found "
                                + quote(text) + ": check the date");
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            report(path, line(), "must be " + INSTANT_FORM + ", found " + quote(text));
            return null;
        }
    }

    /** An ISO date stays as written; an instant is normalised to UTC ("…Z"). */
    private String effectiveFrom(String path) throws IOException {
        String text = string(path);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).toString();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant()
                        .toString();
            } catch (DateTimeParseException notAnInstant) {
                report(
                        path,
                        line(),
                        "must be an ISO date, e.g. 2022-04-12, or " + INSTANT_FORM + ", found " + quote(text));
                return null;
            }
        }
    }

    private <E extends Enum<E>> E symbol(String path, String what, Class<E> type) throws IOException {
        String text = string(path);
        if (text == null) {
            return null;
        }
        // UNKNOWN is Avro's fallback for readers of newer schemas, not something an analyst may write.
        List<E> allowed = Arrays.stream(type.getEnumConstants())
                .filter(e -> !e.name().equals("UNKNOWN"))
                .toList();
        for (E symbol : allowed) {
            if (symbol.name().equals(text)) {
                return symbol;
            }
        }
        report(
                path,
                line(),
                "unknown " + what + " " + quote(text) + " (allowed: "
                        + allowed.stream().map(Enum::name).collect(Collectors.joining(", ")) + ")");
        return Enum.valueOf(type, "UNKNOWN");
    }

    private List<String> strings(String path) throws IOException {
        return list(path, "an array of strings", this::string, () -> "");
    }

    private String string(String path) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_STRING) {
            return json.getText();
        }
        wrongType(path, "a string");
        return null;
    }

    /**
     * Reads an array whose START_ARRAY is the current token. An unusable element becomes a placeholder so that the
     * indexes of the rest, which the core rules report by, stay those of the file.
     */
    private <T> List<T> list(String path, String expected, ValueReader<T> element, Supplier<T> placeholder)
            throws IOException {
        if (json.currentToken() != JsonToken.START_ARRAY) {
            wrongType(path, expected);
            return null;
        }
        List<T> values = new ArrayList<>();
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
            String elementPath = FieldPaths.element(path, values.size());
            lines.record(elementPath, line());
            T value = null;
            if (token == JsonToken.VALUE_NULL) {
                report(elementPath, line(), "must not be null");
            } else {
                value = element.read(elementPath);
            }
            values.add(value != null ? value : placeholder.get());
        }
        return values;
    }

    /**
     * Reads an object whose START_OBJECT is the current token, handing each allowed, non-null field to the reader
     * with the parser on the field's value. Returns false, after reporting, when the value is not an object.
     */
    private boolean readObject(String path, List<String> allowed, FieldReader reader) throws IOException {
        if (json.currentToken() != JsonToken.START_OBJECT) {
            wrongType(path, "an object");
            return false;
        }
        Set<String> seen = new HashSet<>();
        for (JsonToken token = json.nextToken(); token == JsonToken.FIELD_NAME; token = json.nextToken()) {
            String name = json.currentName();
            String fieldPath = FieldPaths.field(path, name);
            int nameLine = line();
            json.nextToken();
            if (!allowed.contains(name)) {
                report(fieldPath, nameLine, UnknownFields.message(name, allowed));
                json.skipChildren();
            } else if (!seen.add(name)) {
                report(fieldPath, nameLine, "duplicate field '" + name + "'");
                json.skipChildren();
            } else {
                lines.record(fieldPath, line());
                // A field given as null is a field not given (docs/events.md).
                if (json.currentToken() != JsonToken.VALUE_NULL) {
                    reader.read(name, fieldPath);
                }
            }
        }
        return true;
    }

    private void require(boolean present, String path, int objectLine) {
        if (!present && !reported.contains(path)) {
            report(path, objectLine, REQUIRED);
        }
    }

    private void wrongType(String path, String expected) throws IOException {
        report(path, line(), "expected " + expected + ", found " + JsonTokens.describe(json.currentToken()));
        json.skipChildren();
    }

    private void report(String path, int line, String message) {
        findings.add(new Finding(line, path, message));
        reported.add(path);
    }

    private int line() {
        return json.currentTokenLocation().getLineNr() + lineOffset;
    }

    private static String quote(String text) {
        String shown = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text;
        return "'" + shown + "'";
    }

    private static <T> void ifPresent(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static Action noAction() {
        return new Action(ActionType.UNKNOWN, noTarget(), null, null, null);
    }

    private static Target noTarget() {
        return Target.newBuilder().setId("").build();
    }

    @FunctionalInterface
    private interface FieldReader {
        void read(String field, String path) throws IOException;
    }

    @FunctionalInterface
    private interface ValueReader<T> {
        T read(String path) throws IOException;
    }
}
