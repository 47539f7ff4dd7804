package dev.sanctions.core;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.Address;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.Identifier;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The size limits of every text and list an announcement carries. They bound what one accepted action can make
 * the pipeline write: a state holds at most {@value #MAX_ENTRIES} entries per list of at most {@value #MAX_TEXT}
 * characters each, under 2 MiB serialized (3 bytes a character at worst), so a notification (state before and
 * after) stays under 4 MiB, far below the topics' {@code max.message.bytes}. The fold applies the list limit to
 * the state too, as a DESIGNATE of an active designation unions its lists.
 */
final class SizeLimits {
    /** Characters of a name, alias, position, identifier, address, measure detail, program, title, legal basis, URL. */
    static final int MAX_TEXT = 1_000;
    /** Characters of the free texts that are meant to be long: remarks, reason, summary. */
    static final int MAX_LONG_TEXT = 10_000;
    /** Entries of each list: aliases, birthDates, birthPlaces, nationalities, identifiers, addresses, measures, programs. */
    static final int MAX_ENTRIES = 100;

    private SizeLimits() {}

    /** Violations of the limits by the announcement's own texts. */
    static List<Violation> checkAnnouncement(Announcement a) {
        List<Violation> v = new ArrayList<>();
        text(a.getTitle(), "title", MAX_TEXT, v);
        text(a.getSummary(), "summary", MAX_LONG_TEXT, v);
        text(a.getLegalBasis(), "legalBasis", MAX_TEXT, v);
        text(a.getSourceUrl(), "sourceUrl", MAX_TEXT, v);
        return v;
    }

    /** Violations of the limits by one action, {@code at} its path ({@code actions[3]}). */
    static List<Violation> checkAction(Action action, String at) {
        List<Violation> v = new ArrayList<>();
        Target target = action.getTarget();
        if (target != null) {
            String t = at + ".target";
            text(target.getName(), t + ".name", MAX_TEXT, v);
            text(target.getPosition(), t + ".position", MAX_TEXT, v);
            text(target.getRemarks(), t + ".remarks", MAX_LONG_TEXT, v);
            texts(target.getAliases(), t + ".aliases", v);
            entries(target.getBirthDates(), t + ".birthDates", v);
            texts(target.getBirthPlaces(), t + ".birthPlaces", v);
            entries(target.getNationalities(), t + ".nationalities", v);
            List<Identifier> identifiers = target.getIdentifiers();
            if (entries(identifiers, t + ".identifiers", v)) {
                for (int i = 0; i < identifiers.size(); i++) {
                    Identifier identifier = identifiers.get(i);
                    if (identifier != null) {
                        String here = t + ".identifiers[" + i + "]";
                        text(identifier.getType(), here + ".type", MAX_TEXT, v);
                        text(identifier.getValue(), here + ".value", MAX_TEXT, v);
                    }
                }
            }
            List<Address> addresses = target.getAddresses();
            if (entries(addresses, t + ".addresses", v)) {
                for (int i = 0; i < addresses.size(); i++) {
                    Address address = addresses.get(i);
                    if (address != null) {
                        text(address.getText(), t + ".addresses[" + i + "].text", MAX_TEXT, v);
                    }
                }
            }
        }
        List<Measure> measures = action.getMeasures();
        if (entries(measures, at + ".measures", v)) {
            for (int i = 0; i < measures.size(); i++) {
                Measure measure = measures.get(i);
                if (measure != null) {
                    text(measure.getDetail(), at + ".measures[" + i + "].detail", MAX_TEXT, v);
                }
            }
        }
        texts(action.getPrograms(), at + ".programs", v);
        text(action.getReason(), at + ".reason", MAX_LONG_TEXT, v);
        return v;
    }

    /**
     * Violations of the list limit by the state a DESIGNATE of an active designation would leave: the union of
     * the stored and the given lists.
     */
    static List<Violation> checkUnion(Target target, List<Measure> measures, List<String> programs, String at) {
        List<Violation> v = new ArrayList<>();
        union(target.getAliases(), at + ".target.aliases", v);
        union(target.getBirthDates(), at + ".target.birthDates", v);
        union(target.getBirthPlaces(), at + ".target.birthPlaces", v);
        union(target.getNationalities(), at + ".target.nationalities", v);
        union(target.getIdentifiers(), at + ".target.identifiers", v);
        union(target.getAddresses(), at + ".target.addresses", v);
        union(measures, at + ".measures", v);
        union(programs, at + ".programs", v);
        return v;
    }

    private static void union(List<?> list, String at, List<Violation> v) {
        if (list != null && list.size() > MAX_ENTRIES) {
            v.add(new Violation(
                    at,
                    "the designation would hold " + list.size() + " entries with those already stored, at most "
                            + MAX_ENTRIES + "; AMEND it to replace the list"));
        }
    }

    private static void texts(List<String> values, String at, List<Violation> v) {
        if (entries(values, at, v)) {
            for (int i = 0; i < values.size(); i++) {
                text(values.get(i), at + "[" + i + "]", MAX_TEXT, v);
            }
        }
    }

    /** False, with a violation, when the list is over the limit: its entries are then not worth checking one by one. */
    private static boolean entries(List<?> values, String at, List<Violation> v) {
        if (values == null) {
            return false;
        }
        if (values.size() > MAX_ENTRIES) {
            v.add(new Violation(at, "at most " + MAX_ENTRIES + " entries, got " + values.size()));
            return false;
        }
        return true;
    }

    private static void text(String value, String at, int max, List<Violation> v) {
        if (value != null && value.length() > max) {
            v.add(new Violation(
                    at, "at most " + String.format(Locale.ROOT, "%,d", max) + " characters, got " + value.length()));
        }
    }
}
