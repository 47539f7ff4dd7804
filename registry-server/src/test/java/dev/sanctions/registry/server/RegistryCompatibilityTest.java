package dev.sanctions.registry.server;

import static dev.sanctions.registry.server.Schemas.A;
import static dev.sanctions.registry.server.Schemas.A_B;
import static dev.sanctions.registry.server.Schemas.A_B_DEFAULTED;
import static dev.sanctions.registry.server.Schemas.B_DEFAULTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Compatibility rules, checked on the registry itself with an in-memory log. */
class RegistryCompatibilityTest {

    private final Registry registry = Registry.replaying(new InMemorySchemaStore());

    private void setLevel(String level) {
        registry.setLevel("s", level);
    }

    private boolean registers(String schema) {
        try {
            registry.register("s", schema);
            return true;
        } catch (RegistryError e) {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.errorCode()).isEqualTo(409);
            return false;
        }
    }

    @Test
    void theGlobalDefaultIsBackward() {
        assertThat(registry.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
        registry.register("s", A_B_DEFAULTED);
        assertThat(registers(A)).as("dropping a field is backward compatible").isTrue();
        assertThat(registers(A_B)).as("adding a field without default is not").isFalse();
    }

    @ParameterizedTest(name = "{0}: {1} then {2} -> {3}")
    @CsvSource({
        "NONE,     A,           A_B,         true",
        "BACKWARD, A,           A_B_DEFAULTED, true",
        "BACKWARD, A,           A_B,         false",
        "FORWARD,  A_B,         A,           false",
        "FORWARD,  A,           A_B,         true",
        "FORWARD,  A_B_DEFAULTED, B_DEFAULTED, false",
        "BACKWARD, A_B_DEFAULTED, B_DEFAULTED, true",
        "FULL,     A,           A_B_DEFAULTED, true",
        "FULL,     A,           A_B,         false",
        "FULL,     A_B_DEFAULTED, B_DEFAULTED, false",
    })
    void pairwiseLevels(String level, String first, String second, boolean compatible) {
        setLevel(level);
        registry.register("s", schema(first));
        assertThat(registers(schema(second))).isEqualTo(compatible);
    }

    @Test
    void backwardChecksOnlyTheLatestButTransitiveChecksAll() {
        // A_B reads A_B_DEFAULTED data, but not A data (b has no default).
        registry.register("s", A);
        registry.register("s", A_B_DEFAULTED);
        setLevel("BACKWARD_TRANSITIVE");
        assertThat(registers(A_B)).isFalse();
        setLevel("BACKWARD");
        assertThat(registers(A_B)).isTrue();
    }

    @Test
    void forwardTransitiveChecksEveryEarlierReader() {
        // A_B_DEFAULTED reads A data (b defaults), A_B does not.
        setLevel("NONE");
        registry.register("s", A_B);
        registry.register("s", A_B_DEFAULTED);
        setLevel("FORWARD_TRANSITIVE");
        assertThat(registers(A)).isFalse();
        setLevel("FORWARD");
        assertThat(registers(A)).isTrue();
    }

    @Test
    void fullTransitiveChecksBothWaysAgainstAll() {
        setLevel("NONE");
        registry.register("s", A_B);
        registry.register("s", A_B_DEFAULTED);
        setLevel("FULL_TRANSITIVE");
        assertThat(registers(A)).as("A_B cannot read A data").isFalse();
        setLevel("FULL");
        assertThat(registers(A)).isTrue();
    }

    @Test
    void theSubjectLevelOverridesTheGlobalOne() {
        registry.setLevel(null, "NONE");
        registry.register("s", A);
        registry.setLevel("s", "BACKWARD");
        assertThat(registers(A_B)).isFalse();
        registry.register("other", A);
        registry.register("other", A_B);
    }

    @Test
    void theIncompatibilityMessageSaysWhatBreaks() {
        registry.register("s", A);
        assertThatThrownBy(() -> registry.register("s", A_B))
                .isInstanceOf(RegistryError.class)
                .hasMessageContaining("incompatible with an earlier schema for subject \"s\"")
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
                .hasMessageContaining("version 1");
    }

    @Test
    void testingCompatibilityReportsWithoutRegistering() {
        registry.register("s", A);
        assertThat(registry.testCompatibility("s", "latest", A_B).compatible()).isFalse();
        assertThat(registry.testCompatibility("s", "1", A_B_DEFAULTED).compatible())
                .isTrue();
        assertThat(registry.testCompatibility("unknown", "latest", A_B).compatible())
                .isTrue();
        assertThat(registry.versionNumbers("s")).containsExactly(1);
    }

    private static String schema(String name) {
        return switch (name.trim()) {
            case "A" -> A;
            case "A_B" -> A_B;
            case "A_B_DEFAULTED" -> A_B_DEFAULTED;
            case "B_DEFAULTED" -> B_DEFAULTED;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
