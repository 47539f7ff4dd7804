package dev.sanctions.core;

import dev.sanctions.avro.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * How an action's target combines with the stored one (docs/events.md). A field is "given" when it is not null;
 * v1 has no way to clear a field. Every result is a deep copy, so a state never shares a mutable list with an
 * announcement or with an earlier state.
 */
final class Targets {
    private Targets() {}

    /** The action's target as it stands: fields not given stay null. */
    static Target copyOf(Target given) {
        return Target.newBuilder(given).build();
    }

    /**
     * DESIGNATE on an active designation: given scalar fields replace; list fields are unioned (stored order kept,
     * new distinct elements appended in the action's order).
     */
    static Target union(Target stored, Target given) {
        Target.Builder b = Target.newBuilder(stored);
        if (given.getKind() != null) {
            b.setKind(given.getKind());
        }
        if (given.getName() != null) {
            b.setName(given.getName());
        }
        if (given.getPosition() != null) {
            b.setPosition(given.getPosition());
        }
        if (given.getRemarks() != null) {
            b.setRemarks(given.getRemarks());
        }
        b.setAliases(union(b.getAliases(), given.getAliases()));
        if (given.getListedOn() != null) {
            b.setListedOn(given.getListedOn());
        }
        b.setBirthDates(union(b.getBirthDates(), given.getBirthDates()));
        b.setBirthPlaces(union(b.getBirthPlaces(), given.getBirthPlaces()));
        b.setNationalities(union(b.getNationalities(), given.getNationalities()));
        b.setIdentifiers(union(b.getIdentifiers(), given.getIdentifiers()));
        b.setAddresses(union(b.getAddresses(), given.getAddresses()));
        return Target.newBuilder(b.build()).build();
    }

    /** AMEND: each given field replaces the stored one, lists as whole lists. */
    static Target replace(Target stored, Target given) {
        Target.Builder b = Target.newBuilder(stored);
        if (given.getKind() != null) {
            b.setKind(given.getKind());
        }
        if (given.getName() != null) {
            b.setName(given.getName());
        }
        if (given.getAliases() != null) {
            b.setAliases(given.getAliases());
        }
        if (given.getBirthDates() != null) {
            b.setBirthDates(given.getBirthDates());
        }
        if (given.getBirthPlaces() != null) {
            b.setBirthPlaces(given.getBirthPlaces());
        }
        if (given.getNationalities() != null) {
            b.setNationalities(given.getNationalities());
        }
        if (given.getPosition() != null) {
            b.setPosition(given.getPosition());
        }
        if (given.getIdentifiers() != null) {
            b.setIdentifiers(given.getIdentifiers());
        }
        if (given.getAddresses() != null) {
            b.setAddresses(given.getAddresses());
        }
        if (given.getRemarks() != null) {
            b.setRemarks(given.getRemarks());
        }
        if (given.getListedOn() != null) {
            b.setListedOn(given.getListedOn());
        }
        // The builder holds the given lists by reference; copying the built record detaches them from the action.
        return Target.newBuilder(b.build()).build();
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
}
