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
 * the pipeline write: a state holds per list at most {@value #MAX_ENTRIES} entries and {@value #MAX_LIST_TEXT}
 * characters in all (texts of at most {@value #MAX_TEXT} characters each), under 2 MiB serialized (3 bytes a
 * character at worst), so a notification (state before and after) stays under 4 MiB, far below the topics'
 * {@code max.message.bytes}. The fold applies the list limits to the state too, as a DESIGNATE of an active
 * designation unions its lists.
 *
 * <p>The character total, not the count, is what bounds the bytes: official lists give some targets hundreds of
 * short entries (an OFAC entity with its digital currency addresses, an EU entry with its names in every official
 * language), which fit in the same bytes as 100 entries of 1,000 characters.
 */
final class SizeLimits {
    /** Characters of a name, alias, position, identifier, address, measure detail, program, title, legal basis, URL. */
    static final int MAX_TEXT = 1_000;
    /** Characters of the free texts that are meant to be long: remarks, reason, summary. */
    static final int MAX_LONG_TEXT = 10_000;
    /** Entries of each list: aliases, birthDates, birthPlaces, nationalities, identifiers, addresses, measures, programs. */
    static final int MAX_ENTRIES = 1_000;
    /** Characters of all the texts of one list together (an identifier counts its type and value). */
    static final int MAX_LIST_TEXT = 100 * MAX_TEXT;
    /**
     * Characters of all birth places together: a list gives a handful at most, and a tenth of the other lists'
     * room keeps the largest state under 2 MiB.
     */
    static final int MAX_BIRTH_PLACES_TEXT = 10 * MAX_TEXT;

    private SizeLimits() {}

    /** Violations of the limits by the announcement's own texts. */
    static List<Violation> checkAnnouncement(Announcement a) {
        List<Violation> v = new ArrayList<>();
        text(a.getTitle(), Path.of("title"), MAX_TEXT, v);
        text(a.getSummary(), Path.of("summary"), MAX_LONG_TEXT, v);
        text(a.getLegalBasis(), Path.of("legalBasis"), MAX_TEXT, v);
        text(a.getSourceUrl(), Path.of("sourceUrl"), MAX_TEXT, v);
        return v;
    }

    /** Violations of the limits by one action, {@code at} its path ({@code actions[3]}). */
    static List<Violation> checkAction(Action action, Path at) {
        List<Violation> v = new ArrayList<>();
        Target target = action.getTarget();
        if (target != null) {
            Path t = at.dot("target");
            text(target.getName(), t.dot("name"), MAX_TEXT, v);
            text(target.getPosition(), t.dot("position"), MAX_TEXT, v);
            text(target.getRemarks(), t.dot("remarks"), MAX_LONG_TEXT, v);
            texts(target.getAliases(), t.dot("aliases"), MAX_LIST_TEXT, v);
            entries(target.getBirthDates(), t.dot("birthDates"), v);
            texts(target.getBirthPlaces(), t.dot("birthPlaces"), MAX_BIRTH_PLACES_TEXT, v);
            entries(target.getNationalities(), t.dot("nationalities"), v);
            List<Identifier> identifiers = target.getIdentifiers();
            if (entriesAndCharacters(identifiers, t.dot("identifiers"), MAX_LIST_TEXT, v)) {
                for (int i = 0; i < identifiers.size(); i++) {
                    Identifier identifier = identifiers.get(i);
                    if (identifier != null) {
                        Path here = t.dot("identifiers").at(i);
                        text(identifier.getType(), here.dot("type"), MAX_TEXT, v);
                        text(identifier.getValue(), here.dot("value"), MAX_TEXT, v);
                    }
                }
            }
            List<Address> addresses = target.getAddresses();
            if (entriesAndCharacters(addresses, t.dot("addresses"), MAX_LIST_TEXT, v)) {
                for (int i = 0; i < addresses.size(); i++) {
                    Address address = addresses.get(i);
                    if (address != null) {
                        text(address.getText(), t.dot("addresses").at(i).dot("text"), MAX_TEXT, v);
                    }
                }
            }
        }
        List<Measure> measures = action.getMeasures();
        if (entriesAndCharacters(measures, at.dot("measures"), MAX_LIST_TEXT, v)) {
            for (int i = 0; i < measures.size(); i++) {
                Measure measure = measures.get(i);
                if (measure != null) {
                    text(measure.getDetail(), at.dot("measures").at(i).dot("detail"), MAX_TEXT, v);
                }
            }
        }
        texts(action.getPrograms(), at.dot("programs"), MAX_LIST_TEXT, v);
        text(action.getReason(), at.dot("reason"), MAX_LONG_TEXT, v);
        return v;
    }

    /**
     * Violations of the list limit by the state a DESIGNATE of an active designation would leave: the union of
     * the stored and the given lists.
     */
    static List<Violation> checkUnion(Target target, List<Measure> measures, List<String> programs, Path at) {
        List<Violation> v = new ArrayList<>();
        union(target.getAliases(), at.dot("target").dot("aliases"), MAX_LIST_TEXT, v);
        union(target.getBirthDates(), at.dot("target").dot("birthDates"), MAX_LIST_TEXT, v);
        union(target.getBirthPlaces(), at.dot("target").dot("birthPlaces"), MAX_BIRTH_PLACES_TEXT, v);
        union(target.getNationalities(), at.dot("target").dot("nationalities"), MAX_LIST_TEXT, v);
        union(target.getIdentifiers(), at.dot("target").dot("identifiers"), MAX_LIST_TEXT, v);
        union(target.getAddresses(), at.dot("target").dot("addresses"), MAX_LIST_TEXT, v);
        union(measures, at.dot("measures"), MAX_LIST_TEXT, v);
        union(programs, at.dot("programs"), MAX_LIST_TEXT, v);
        return v;
    }

    private static void union(List<?> list, Path at, int maxCharacters, List<Violation> v) {
        if (list == null) {
            return;
        }
        if (list.size() > MAX_ENTRIES) {
            v.add(new Violation(
                    at.toString(),
                    "the designation would hold " + number(list.size()) + " entries with those already stored, at most "
                            + number(MAX_ENTRIES) + "; AMEND it to replace the list"));
        } else if (characters(list) > maxCharacters) {
            v.add(new Violation(
                    at.toString(),
                    "the designation would hold " + number(characters(list)) + " characters in this list with those"
                            + " already stored, at most " + number(maxCharacters) + "; AMEND it to replace the list"));
        }
    }

    private static void texts(List<String> values, Path at, int maxCharacters, List<Violation> v) {
        if (entriesAndCharacters(values, at, maxCharacters, v)) {
            for (int i = 0; i < values.size(); i++) {
                text(values.get(i), at.at(i), MAX_TEXT, v);
            }
        }
    }

    /** False, with a violation, when the list is over a limit: its entries are then not worth checking one by one. */
    private static boolean entries(List<?> values, Path at, List<Violation> v) {
        if (values == null) {
            return false;
        }
        if (values.size() > MAX_ENTRIES) {
            v.add(new Violation(
                    at.toString(), "at most " + number(MAX_ENTRIES) + " entries, got " + number(values.size())));
            return false;
        }
        return true;
    }

    /**
     * Entries within the count, and texts within {@value #MAX_LIST_TEXT} characters in all (per text of an entry: an
     * identifier's types and its values each); false, with a violation, otherwise.
     */
    private static boolean entriesAndCharacters(List<?> values, Path at, int maxCharacters, List<Violation> v) {
        if (!entries(values, at, v)) {
            return false;
        }
        long characters = characters(values);
        if (characters > maxCharacters) {
            v.add(new Violation(
                    at.toString(),
                    "at most " + number(maxCharacters) + " characters in all, got " + number(characters)));
            return false;
        }
        return true;
    }

    /**
     * The characters of a list's texts: strings, addresses' text, measures' detail; of identifiers the larger of all
     * their types and all their values, as each is a text of its own.
     */
    private static long characters(List<?> values) {
        long total = 0;
        long types = 0;
        for (Object value : values) {
            if (value instanceof String text) {
                total += text.length();
            } else if (value instanceof Identifier identifier) {
                types += length(identifier.getType());
                total += length(identifier.getValue());
            } else if (value instanceof Address address) {
                total += length(address.getText());
            } else if (value instanceof Measure measure) {
                total += length(measure.getDetail());
            }
        }
        return Math.max(total, types);
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static void text(String value, Path at, int max, List<Violation> v) {
        if (value != null && value.length() > max) {
            v.add(new Violation(
                    at.toString(),
                    "at most " + String.format(Locale.ROOT, "%,d", max) + " characters, got " + value.length()));
        }
    }
}
