package dev.sanctions.core;

import dev.sanctions.avro.Address;
import dev.sanctions.avro.Identifier;
import dev.sanctions.avro.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * How an action's target combines with the stored one (docs/events.md). A field is "given" when it is not null;
 * v1 has no way to clear a field. Every result is a deep copy, so a state never shares a mutable list with an
 * announcement or with an earlier state.
 *
 * <p>The copies are made field by field rather than with Avro's {@code newBuilder(other)}, whose schema-driven
 * deep copy was a quarter of a replay's time: strings are immutable and shared, lists and the records in them are
 * new. The all-arguments constructor names every field, so a field added to the schema breaks the build here
 * rather than being silently left out of the copy.
 */
final class Targets {
    private Targets() {}

    /** The action's target as it stands: fields not given stay null. */
    static Target copyOf(Target given) {
        return new Target(
                given.getId(),
                given.getKind(),
                given.getName(),
                strings(given.getAliases()),
                strings(given.getBirthDates()),
                strings(given.getBirthPlaces()),
                strings(given.getNationalities()),
                given.getPosition(),
                identifiers(given.getIdentifiers()),
                addresses(given.getAddresses()),
                given.getRemarks(),
                given.getListedOn());
    }

    /**
     * DESIGNATE on an active designation: given scalar fields replace; list fields are unioned (stored order kept,
     * new distinct elements appended in the action's order).
     */
    static Target union(Target stored, Target given) {
        return new Target(
                stored.getId(),
                given(given.getKind(), stored.getKind()),
                given(given.getName(), stored.getName()),
                strings(union(stored.getAliases(), given.getAliases())),
                strings(union(stored.getBirthDates(), given.getBirthDates())),
                strings(union(stored.getBirthPlaces(), given.getBirthPlaces())),
                strings(union(stored.getNationalities(), given.getNationalities())),
                given(given.getPosition(), stored.getPosition()),
                identifiers(union(stored.getIdentifiers(), given.getIdentifiers())),
                addresses(union(stored.getAddresses(), given.getAddresses())),
                given(given.getRemarks(), stored.getRemarks()),
                given(given.getListedOn(), stored.getListedOn()));
    }

    /** AMEND: each given field replaces the stored one, lists as whole lists. */
    static Target replace(Target stored, Target given) {
        return new Target(
                stored.getId(),
                given(given.getKind(), stored.getKind()),
                given(given.getName(), stored.getName()),
                strings(given(given.getAliases(), stored.getAliases())),
                strings(given(given.getBirthDates(), stored.getBirthDates())),
                strings(given(given.getBirthPlaces(), stored.getBirthPlaces())),
                strings(given(given.getNationalities(), stored.getNationalities())),
                given(given.getPosition(), stored.getPosition()),
                identifiers(given(given.getIdentifiers(), stored.getIdentifiers())),
                addresses(given(given.getAddresses(), stored.getAddresses())),
                given(given.getRemarks(), stored.getRemarks()),
                given(given.getListedOn(), stored.getListedOn()));
    }

    /** Stored elements in their order, then the given ones not yet present; null when neither list is given. */
    static <T> List<T> union(List<T> stored, List<T> given) {
        if (given == null) {
            return stored;
        }
        List<T> result = stored == null ? new ArrayList<>() : new ArrayList<>(stored);
        for (T element : given) {
            if (!result.contains(element)) {
                result.add(element);
            }
        }
        return result;
    }

    private static <T> T given(T given, T stored) {
        return given != null ? given : stored;
    }

    private static List<String> strings(List<String> list) {
        return list == null ? null : new ArrayList<>(list);
    }

    private static List<Identifier> identifiers(List<Identifier> list) {
        if (list == null) {
            return null;
        }
        List<Identifier> copy = new ArrayList<>(list.size());
        for (Identifier identifier : list) {
            copy.add(
                    identifier == null
                            ? null
                            : new Identifier(identifier.getType(), identifier.getValue(), identifier.getCountry()));
        }
        return copy;
    }

    private static List<Address> addresses(List<Address> list) {
        if (list == null) {
            return null;
        }
        List<Address> copy = new ArrayList<>(list.size());
        for (Address address : list) {
            copy.add(address == null ? null : new Address(address.getText(), address.getCountry()));
        }
        return copy;
    }
}
