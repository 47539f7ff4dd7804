package dev.sanctions.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Address;
import dev.sanctions.avro.Identifier;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Targets} copies field by field for speed. Avro's own deep copy ({@code newBuilder(other)}), which it used
 * before, is the oracle: the same targets, byte for byte, and no list or record shared with either input.
 */
class TargetsTest {

    @Property(tries = 500)
    void copyOfIsAvrosDeepCopy(@ForAll("targets") Target given) throws Exception {
        Target copy = Targets.copyOf(given);

        assertThat(bytes(copy)).isEqualTo(bytes(Target.newBuilder(given).build()));
        assertSharesNothingMutable(copy, given);
    }

    @Property(tries = 500)
    void unionIsTheBuilderUnion(@ForAll("targets") Target stored, @ForAll("targets") Target given) throws Exception {
        Target union = Targets.union(stored, given);

        assertThat(bytes(union)).isEqualTo(bytes(builderUnion(stored, given)));
        assertSharesNothingMutable(union, stored);
        assertSharesNothingMutable(union, given);
    }

    @Property(tries = 500)
    void replaceIsTheBuilderReplace(@ForAll("targets") Target stored, @ForAll("targets") Target given)
            throws Exception {
        Target replaced = Targets.replace(stored, given);

        assertThat(bytes(replaced)).isEqualTo(bytes(builderReplace(stored, given)));
        assertSharesNothingMutable(replaced, stored);
        assertSharesNothingMutable(replaced, given);
    }

    /** The union as it was written with Avro's builders. */
    private static Target builderUnion(Target stored, Target given) {
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
        if (given.getListedOn() != null) {
            b.setListedOn(given.getListedOn());
        }
        b.setAliases(Targets.union(b.getAliases(), given.getAliases()));
        b.setBirthDates(Targets.union(b.getBirthDates(), given.getBirthDates()));
        b.setBirthPlaces(Targets.union(b.getBirthPlaces(), given.getBirthPlaces()));
        b.setNationalities(Targets.union(b.getNationalities(), given.getNationalities()));
        b.setIdentifiers(Targets.union(b.getIdentifiers(), given.getIdentifiers()));
        b.setAddresses(Targets.union(b.getAddresses(), given.getAddresses()));
        return Target.newBuilder(b.build()).build();
    }

    /** The replacement as it was written with Avro's builders. */
    private static Target builderReplace(Target stored, Target given) {
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
        return Target.newBuilder(b.build()).build();
    }

    private static ByteBuffer bytes(Target target) throws Exception {
        return target.toByteBuffer();
    }

    /** No list, and no record in a list, of {@code result} is one of {@code input}'s. */
    private static void assertSharesNothingMutable(Target result, Target input) {
        Map<Object, Boolean> inputs = new IdentityHashMap<>();
        mutableParts(input).forEach(part -> inputs.put(part, true));
        for (Object part : mutableParts(result)) {
            assertThat(inputs).doesNotContainKey(part);
        }
    }

    private static List<Object> mutableParts(Target target) {
        List<Object> parts = new ArrayList<>();
        for (var field : Target.getClassSchema().getFields()) {
            if (target.get(field.pos()) instanceof List<?> list) {
                parts.add(list);
                list.stream()
                        .filter(e -> e instanceof Identifier || e instanceof Address)
                        .forEach(parts::add);
            }
        }
        return parts;
    }

    @Provide
    Arbitrary<Target> targets() {
        Arbitrary<List<String>> texts =
                Arbitraries.of("A", "B", "C").list().ofMaxSize(3).injectNull(0.4);
        Arbitrary<List<Identifier>> identifiers = Arbitraries.of("P1", "P2")
                .map(value -> new Identifier("PASSPORT", value, value.equals("P1") ? "RU" : null))
                .list()
                .ofMaxSize(3)
                .injectNull(0.4);
        Arbitrary<List<Address>> addresses = Arbitraries.of("Moscow", "Minsk")
                .map(text -> new Address(text, text.equals("Minsk") ? "BY" : null))
                .list()
                .ofMaxSize(3)
                .injectNull(0.4);
        Arbitrary<String> text = Arbitraries.of("x", "y").injectNull(0.5);
        return Builders.withBuilder(Target::new)
                .use(Arbitraries.of("T1"))
                .in((t, v) -> {
                    t.setId(v);
                    return t;
                })
                .use(Arbitraries.of(TargetKind.PERSON, TargetKind.VESSEL).injectNull(0.5))
                .in((t, v) -> {
                    t.setKind(v);
                    return t;
                })
                .use(text)
                .in((t, v) -> {
                    t.setName(v);
                    return t;
                })
                .use(texts)
                .in((t, v) -> {
                    t.setAliases(v);
                    return t;
                })
                .use(texts)
                .in((t, v) -> {
                    t.setBirthDates(v);
                    return t;
                })
                .use(texts)
                .in((t, v) -> {
                    t.setBirthPlaces(v);
                    return t;
                })
                .use(texts)
                .in((t, v) -> {
                    t.setNationalities(v);
                    return t;
                })
                .use(text)
                .in((t, v) -> {
                    t.setPosition(v);
                    return t;
                })
                .use(identifiers)
                .in((t, v) -> {
                    t.setIdentifiers(v);
                    return t;
                })
                .use(addresses)
                .in((t, v) -> {
                    t.setAddresses(v);
                    return t;
                })
                .use(text)
                .in((t, v) -> {
                    t.setRemarks(v);
                    return t;
                })
                .use(text)
                .in((t, v) -> {
                    t.setListedOn(v);
                    return t;
                })
                .build();
    }
}
