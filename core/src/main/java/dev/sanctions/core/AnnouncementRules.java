package dev.sanctions.core;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules of docs/announcement-format.md that can be checked on an Avro {@link Announcement}. JSON-level problems (unknown
 * fields, wrong JSON types, unparsable instants) are the reader's job; by the time an announcement is Avro they are
 * gone. Every violation is reported, in field order, so a user fixes a file in one pass.
 */
public final class AnnouncementRules {
    static final int MAX_ACTIONS = 10_000;
    static final int MAX_SNAPSHOT_ENTRIES = 200_000;

    private static final int MAX_TARGET_ID = 100;

    private static final String ACTION_TYPES = symbolsBut(ActionType.values(), ActionType.UNKNOWN);
    private static final String TARGET_KINDS = symbolsBut(TargetKind.values(), TargetKind.UNKNOWN);
    private static final String MEASURE_TYPES = symbolsBut(MeasureType.values(), MeasureType.UNKNOWN);

    private AnnouncementRules() {}

    /** Every violation of the announcement and of each of its actions, in field order; empty when valid. */
    public static List<Violation> check(Announcement a) {
        List<Violation> violations = new ArrayList<>(checkAnnouncementFields(a));
        List<Action> actions = a.getActions();
        if (actions != null) {
            for (int i = 0; i < actions.size(); i++) {
                violations.addAll(checkAction(actions.get(i), i));
            }
        }
        return List.copyOf(violations);
    }

    /** The violations of one action, with paths prefixed {@code actions[index].}; empty when valid. */
    public static List<Violation> checkAction(Action action, int index) {
        Path at = Path.of("actions").at(index);
        List<Violation> v = new ArrayList<>();
        if (action == null) {
            v.add(new Violation(at.toString(), "must be an action object"));
            return List.copyOf(v);
        }
        ActionType type = action.getAction();
        if (type == null || type == ActionType.UNKNOWN) {
            v.add(new Violation(at + ".action", "must be one of " + ACTION_TYPES));
        }
        boolean designate = type == ActionType.DESIGNATE;
        checkTarget(action.getTarget(), at.dot("target"), designate, v);
        checkMeasures(action.getMeasures(), at.dot("measures"), designate, v);
        checkNonBlankElements(action.getPrograms(), at.dot("programs"), v);
        v.addAll(SizeLimits.checkAction(action, at));
        return List.copyOf(v);
    }

    /** Violations of the announcement's own fields, without those of its actions' contents. */
    static List<Violation> checkAnnouncementFields(Announcement a) {
        List<Violation> v = new ArrayList<>();
        String id = a.getAnnouncementId();
        if (id == null || id.isEmpty()) {
            v.add(new Violation("announcementId", "required: 1-200 characters of [A-Za-z0-9._:-]"));
        } else if (!Formats.isAnnouncementId(id)) {
            v.add(new Violation(
                    "announcementId", "must be 1-200 characters of [A-Za-z0-9._:-], e.g. jp-mofa-2022-04-08-ru"));
        }
        String authority = a.getAuthority();
        if (authority == null || authority.isEmpty()) {
            v.add(new Violation("authority", "required: must match [A-Z][A-Z0-9-]{1,31}, e.g. JP-MOFA"));
        } else if (!Formats.isAuthority(authority)) {
            v.add(new Violation("authority", "must match [A-Z][A-Z0-9-]{1,31}, e.g. JP-MOFA, got " + quote(authority)));
        }
        String jurisdiction = a.getJurisdiction();
        if (jurisdiction == null || jurisdiction.isEmpty()) {
            v.add(new Violation("jurisdiction", "required: an ISO 3166-1 alpha-2 code, EU or UN, e.g. JP"));
        } else if (!Formats.isJurisdiction(jurisdiction)) {
            v.add(new Violation(
                    "jurisdiction",
                    "must be an ISO 3166-1 alpha-2 code, EU or UN, e.g. JP, got " + quote(jurisdiction)));
        }
        if (a.getPublishedAt() == null) {
            v.add(new Violation("publishedAt", "required: an ISO-8601 instant, e.g. 2022-04-08T10:00:00+09:00"));
        } else if (a.getPublishedAt().isBefore(Instant.EPOCH)) {
            // publishedAt is the timestamp of every record the announcement leads to, and Kafka's cannot be negative.
            v.add(new Violation("publishedAt", "must not be before 1970-01-01T00:00:00Z, found " + a.getPublishedAt()));
        }
        String effectiveFrom = a.getEffectiveFrom();
        if (effectiveFrom == null || effectiveFrom.isEmpty()) {
            v.add(new Violation(
                    "effectiveFrom", "required: an ISO date (2022-04-12) or instant (2022-04-12T00:00:00Z)"));
        } else if (!Formats.isDateOrInstant(effectiveFrom)) {
            v.add(new Violation(
                    "effectiveFrom",
                    "must be an ISO date (2022-04-12) or instant (2022-04-12T00:00:00Z), got " + quote(effectiveFrom)));
        }
        if (isBlank(a.getTitle())) {
            v.add(new Violation("title", "required, must not be blank"));
        }
        String list = a.getList();
        if (list != null && !Formats.isListId(list)) {
            v.add(new Violation("list", "must match [A-Z0-9-]{1,32}, e.g. SDN, got " + quote(list)));
        }
        Snapshot snapshot = a.getSnapshot();
        List<Action> actions = a.getActions();
        if (snapshot != null) {
            checkSnapshot(snapshot, list, actions, v);
        } else if (actions == null || actions.isEmpty()) {
            v.add(new Violation("actions", "required: 1 to 10,000 actions"));
        } else if (actions.size() > MAX_ACTIONS) {
            v.add(new Violation(
                    "actions", "must hold 1 to 10,000 actions, got " + actions.size() + "; split the announcement"));
        }
        v.addAll(SizeLimits.checkAnnouncement(a));
        return v;
    }

    /**
     * A snapshot's own fields, and the shape of its entries: each one a DESIGNATE (the entry is complete), at most
     * {@value #MAX_SNAPSHOT_ENTRIES} in the whole snapshot. On the wire one record may be one part of a larger snapshot.
     */
    private static void checkSnapshot(Snapshot snapshot, String list, List<Action> entries, List<Violation> v) {
        String snapshotList = snapshot.getList();
        if (!Formats.isListId(snapshotList)) {
            v.add(new Violation(
                    "snapshot.list", "required: must match [A-Z0-9-]{1,32}, e.g. SDN, got " + quote(snapshotList)));
        } else if (list != null && !list.equals(snapshotList)) {
            v.add(new Violation(
                    "list", "must be the snapshot's list " + quote(snapshotList) + " when given, got " + quote(list)));
        }
        double fraction = snapshot.getMaxDelistFraction();
        if (!(fraction >= 0.0 && fraction <= 1.0)) {
            v.add(new Violation("snapshot.maxDelistFraction", "must be between 0 and 1, got " + fraction));
        }
        int part = snapshot.getPart();
        int parts = snapshot.getParts();
        if (parts < 1 || part < 0 || part >= parts) {
            v.add(new Violation(
                    "snapshot.part", "must be from 0 to parts - 1, got part " + part + " of " + parts + " parts"));
        }
        int count = entries == null ? 0 : entries.size();
        int firstIndex = snapshot.getFirstIndex();
        if (count == 0) {
            v.add(new Violation("actions", "required: a snapshot holds 1 to 200,000 entries"));
        } else if (firstIndex < 0 || (long) firstIndex + count > MAX_SNAPSHOT_ENTRIES) {
            v.add(new Violation(
                    "actions",
                    "a snapshot holds at most 200,000 entries, got entries " + firstIndex + " to "
                            + ((long) firstIndex + count - 1) + "; split the list"));
        }
        if (entries != null) {
            for (int i = 0; i < entries.size(); i++) {
                Action entry = entries.get(i);
                if (entry != null && entry.getAction() != ActionType.DESIGNATE) {
                    v.add(new Violation(
                            "actions[" + i + "].action",
                            "must be DESIGNATE in a snapshot: each entry states one designation completely"));
                }
            }
        }
    }

    static boolean isValidTargetId(String id) {
        return id != null
                && !id.isEmpty()
                && id.length() <= MAX_TARGET_ID
                && id.indexOf('/') < 0
                && !hasControlCharacter(id);
    }

    /**
     * A control character (Unicode category Cc, e.g. NUL) is invisible in every answer and, as a NUL, is the separator
     * of the processor's history keys: {@code N-1\u0000x} could pass for {@code N-1}.
     */
    private static boolean hasControlCharacter(String s) {
        // A loop rather than a stream: every action's target id is checked here, several times.
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (Character.getType(c) == Character.CONTROL) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    private static void checkTarget(Target target, Path at, boolean designate, List<Violation> v) {
        if (target == null) {
            v.add(new Violation(at.toString(), "required, with at least an id"));
            return;
        }
        String id = target.getId();
        if (id == null || id.isEmpty()) {
            v.add(new Violation(at + ".id", "required: 1-100 characters without '/'"));
        } else if (id.length() > MAX_TARGET_ID) {
            v.add(new Violation(
                    at + ".id", "must be 1-100 characters without '/', got " + id.length() + " characters"));
        } else if (id.indexOf('/') >= 0) {
            v.add(new Violation(at + ".id", "must not contain '/' (it separates authority and target id in keys)"));
        } else if (hasControlCharacter(id)) {
            v.add(new Violation(
                    at + ".id",
                    "must not contain control characters (Unicode category Cc: NUL, tab, line breaks ...)"));
        }
        TargetKind kind = target.getKind();
        if (kind == null) {
            if (designate) {
                v.add(new Violation(at + ".kind", "required for DESIGNATE: one of " + TARGET_KINDS));
            }
        } else if (kind == TargetKind.UNKNOWN) {
            v.add(new Violation(at + ".kind", "must be one of " + TARGET_KINDS));
        }
        String name = target.getName();
        if (name == null) {
            if (designate) {
                v.add(new Violation(at + ".name", "required for DESIGNATE, must not be blank"));
            }
        } else if (name.isBlank()) {
            v.add(new Violation(
                    at + ".name",
                    designate
                            ? "required for DESIGNATE, must not be blank"
                            : "must not be blank when given (v1 cannot clear a name)"));
        }
        checkNonBlankElements(target.getAliases(), at.dot("aliases"), v);
        List<String> birthDates = target.getBirthDates();
        if (birthDates != null) {
            for (int i = 0; i < birthDates.size(); i++) {
                String date = birthDates.get(i);
                if (!Formats.isBirthDate(date)) {
                    v.add(new Violation(
                            at + ".birthDates[" + i + "]",
                            "must be a full (1976-10-05) or partial (1976-10, 1976) date, optionally after 'circa ',"
                                    + " or a range (1958/1960), got " + quote(date)));
                }
            }
        }
        checkNonBlankElements(target.getBirthPlaces(), at.dot("birthPlaces"), v);
        String listedOn = target.getListedOn();
        if (listedOn != null && !(listedOn.length() == 10 && Formats.isFullOrPartialDate(listedOn))) {
            v.add(new Violation(at + ".listedOn", "must be a date (2022-04-08), got " + quote(listedOn)));
        }
        List<String> nationalities = target.getNationalities();
        if (nationalities != null) {
            for (int i = 0; i < nationalities.size(); i++) {
                checkCountry(nationalities.get(i), at.dot("nationalities").at(i), v);
            }
        }
        List<Identifier> identifiers = target.getIdentifiers();
        if (identifiers != null) {
            for (int i = 0; i < identifiers.size(); i++) {
                checkIdentifier(identifiers.get(i), at.dot("identifiers").at(i), v);
            }
        }
        List<Address> addresses = target.getAddresses();
        if (addresses != null) {
            for (int i = 0; i < addresses.size(); i++) {
                checkAddress(addresses.get(i), at.dot("addresses").at(i), v);
            }
        }
    }

    private static void checkIdentifier(Identifier identifier, Path at, List<Violation> v) {
        if (identifier == null) {
            v.add(new Violation(at.toString(), "must be an object with type and value"));
            return;
        }
        if (isBlank(identifier.getType())) {
            v.add(new Violation(at + ".type", "required, must not be blank, e.g. PASSPORT"));
        }
        if (isBlank(identifier.getValue())) {
            v.add(new Violation(at + ".value", "required, must not be blank"));
        }
        if (identifier.getCountry() != null) {
            checkCountry(identifier.getCountry(), at.dot("country"), v);
        }
    }

    private static void checkAddress(Address address, Path at, List<Violation> v) {
        if (address == null || (address.getText() == null && address.getCountry() == null)) {
            v.add(new Violation(at.toString(), "must give text, country or both"));
            return;
        }
        if (address.getCountry() != null) {
            checkCountry(address.getCountry(), at.dot("country"), v);
        }
    }

    private static void checkMeasures(List<Measure> measures, Path at, boolean designate, List<Violation> v) {
        if (measures == null || measures.isEmpty()) {
            if (designate) {
                v.add(new Violation(at.toString(), "required for DESIGNATE: at least one measure"));
            }
            return;
        }
        for (int i = 0; i < measures.size(); i++) {
            Measure measure = measures.get(i);
            Path here = at.at(i);
            if (measure == null) {
                v.add(new Violation(here.toString(), "must be a measure type or {\"type\", \"detail\"}"));
                continue;
            }
            if (measure.getType() == null || measure.getType() == MeasureType.UNKNOWN) {
                v.add(new Violation(here + ".type", "must be one of " + MEASURE_TYPES));
            }
            if (measure.getDetail() != null && measure.getDetail().isBlank()) {
                v.add(new Violation(here + ".detail", "must not be blank when given; omit it or give null"));
            }
        }
    }

    private static void checkCountry(String code, Path at, List<Violation> v) {
        if (!Formats.isIsoCountry(code)) {
            v.add(new Violation(
                    at.toString(), "must be an ISO 3166-1 alpha-2 country code, e.g. RU, got " + quote(code)));
        }
    }

    private static void checkNonBlankElements(List<String> values, Path at, List<Violation> v) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (isBlank(values.get(i))) {
                v.add(new Violation(at + "[" + i + "]", "must not be blank"));
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }

    private static <E extends Enum<E>> String symbolsBut(E[] symbols, E excluded) {
        return Arrays.stream(symbols).filter(s -> s != excluded).map(Enum::name).collect(Collectors.joining(", "));
    }
}
