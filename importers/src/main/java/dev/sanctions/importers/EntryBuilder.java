package dev.sanctions.importers;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Address;
import dev.sanctions.avro.Identifier;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Collects what a list says of one target into one complete entry, a {@code DESIGNATE} action. Every text is
 * cleaned of the file's layout; duplicates are dropped (a list repeating an alias says nothing more); a country name
 * that maps to no ISO code is never dropped but kept in the remarks, with the label saying what it was.
 */
public final class EntryBuilder {
    private final String id;
    private final TargetKind kind;
    private String name;
    private final Set<String> aliases = new LinkedHashSet<>();
    private final Set<String> birthDates = new LinkedHashSet<>();
    private final Set<String> birthPlaces = new LinkedHashSet<>();
    private final Set<String> nationalities = new LinkedHashSet<>();
    private final Set<String> positions = new LinkedHashSet<>();
    private final Set<Identifier> identifiers = new LinkedHashSet<>();
    private final Set<Address> addresses = new LinkedHashSet<>();
    private final List<String> remarks = new ArrayList<>();
    private final Set<Measure> measures = new LinkedHashSet<>();
    private final Set<String> programs = new LinkedHashSet<>();
    private final List<String> reasons = new ArrayList<>();
    private String listedOn;

    public EntryBuilder(String id, TargetKind kind) {
        this.id = id;
        this.kind = kind;
    }

    /** The primary name; when given twice the first stays and the second becomes an alias. */
    public EntryBuilder name(String text) {
        String cleaned = Texts.clean(text);
        if (cleaned != null) {
            if (name == null) {
                name = cleaned;
            } else {
                alias(cleaned);
            }
        }
        return this;
    }

    public boolean hasName() {
        return name != null;
    }

    public EntryBuilder alias(String text) {
        String cleaned = Texts.clean(text);
        if (cleaned != null && !cleaned.equals(name)) {
            aliases.add(cleaned);
        }
        return this;
    }

    /** A birth date in one of the forms the rules accept ({@code 1960}, {@code circa 1960}, {@code 1958/1960}). */
    public EntryBuilder birthDate(String date) {
        if (date != null) {
            birthDates.add(date);
        }
        return this;
    }

    public EntryBuilder birthPlace(String text) {
        String cleaned = Texts.clean(text);
        if (cleaned != null) {
            birthPlaces.add(cleaned);
        }
        return this;
    }

    /**
     * A nationality or citizenship as the list names the country; a name without an ISO code goes to the remarks as
     * {@code label: name}.
     */
    public EntryBuilder nationality(String country, String label) {
        String cleaned = Texts.clean(country);
        if (cleaned == null) {
            return this;
        }
        Optional<String> code = Countries.code(cleaned);
        if (code.isPresent()) {
            nationalities.add(code.get());
        } else {
            remark(label + ": " + cleaned);
        }
        return this;
    }

    /** A nationality already given as an ISO 3166-1 alpha-2 code. */
    public EntryBuilder nationalityCode(String code) {
        nationalities.add(code);
        return this;
    }

    public EntryBuilder position(String text) {
        String cleaned = Texts.clean(text);
        if (cleaned != null) {
            positions.add(cleaned);
        }
        return this;
    }

    /**
     * An identifier; {@code country} is a country name or code as the list gives it. When it maps to no code the
     * identifier keeps no country and the remarks say which country the list named.
     */
    public EntryBuilder identifier(String type, String value, String country) {
        String cleanValue = Texts.clean(value);
        if (cleanValue == null) {
            return this;
        }
        String cleanCountry = Texts.clean(country);
        String code = null;
        if (cleanCountry != null) {
            code = Countries.code(cleanCountry).orElse(null);
            if (code == null) {
                remark(type + " " + cleanValue + ": country " + cleanCountry);
            }
        }
        identifiers.add(new Identifier(type, cleanValue, code));
        return this;
    }

    /**
     * An address: its text, and the country as the list names it. A country without a code stays in the text, so
     * nothing of the address is lost.
     */
    public EntryBuilder address(String text, String country) {
        String cleanText = Texts.clean(text);
        String cleanCountry = Texts.clean(country);
        String code = cleanCountry == null ? null : Countries.code(cleanCountry).orElse(null);
        if (code == null && cleanCountry != null) {
            cleanText = Texts.join(", ", cleanText, cleanCountry);
        }
        if (cleanText != null || code != null) {
            addresses.add(new Address(cleanText, code));
        }
        return this;
    }

    public EntryBuilder remark(String text) {
        String cleaned = Texts.clean(text);
        if (cleaned != null && !remarks.contains(cleaned)) {
            remarks.add(cleaned);
        }
        return this;
    }

    /** The date ({@code YYYY-MM-DD}) the list first named the target. */
    public EntryBuilder listedOn(String date) {
        if (date != null) {
            listedOn = date;
        }
        return this;
    }

    public EntryBuilder program(String text) {
        String cleaned = Texts.clean(text);
        if (cleaned != null) {
            programs.add(cleaned);
        }
        return this;
    }

    public EntryBuilder measure(MeasureType type, String detail) {
        measures.add(new Measure(type, Texts.clean(detail)));
        return this;
    }

    /** The legal act or statement of reasons the list gives for the listing. */
    public EntryBuilder reason(String text) {
        String cleaned = Texts.clean(text);
        if (cleaned != null && !reasons.contains(cleaned)) {
            reasons.add(cleaned);
        }
        return this;
    }

    public String id() {
        return id;
    }

    /** The entry; lists with nothing in them are absent (null), as a complete entry states. */
    public Action build() {
        Target target = Target.newBuilder()
                .setId(id)
                .setKind(kind)
                .setName(name)
                .setAliases(listOrNull(aliases))
                .setBirthDates(listOrNull(birthDates))
                .setBirthPlaces(listOrNull(birthPlaces))
                .setNationalities(listOrNull(nationalities))
                .setPosition(positions.isEmpty() ? null : String.join("; ", positions))
                .setIdentifiers(listOrNull(identifiers))
                .setAddresses(listOrNull(addresses))
                .setRemarks(remarks.isEmpty() ? null : String.join("\n", remarks))
                .setListedOn(listedOn)
                .build();
        return Action.newBuilder()
                .setAction(ActionType.DESIGNATE)
                .setTarget(target)
                .setMeasures(listOrNull(measures))
                .setPrograms(listOrNull(programs))
                .setReason(reasons.isEmpty() ? null : String.join("\n", reasons))
                .build();
    }

    private static <T> List<T> listOrNull(Set<T> values) {
        return values.isEmpty() ? null : List.copyOf(values);
    }
}
